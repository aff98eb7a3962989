package org.groundmetric.learn;

import java.util.ArrayList;
import java.util.List;

/** Records every epoch's loss and time (stored in the model file). */
public final class TrainingHistory implements TrainingListener {
    private final List<EpochRecord> epochs = new ArrayList<>();

    @Override
    public void epochFinished(EpochRecord record) {
        epochs.add(record);
    }

    public List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }
}
