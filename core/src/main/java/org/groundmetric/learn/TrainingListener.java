package org.groundmetric.learn;

/**
 * Callbacks during GGML training, from the training thread. The CLI's progress bar is one listener,
 * {@link TrainingHistory} another. All methods default to doing nothing.
 */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() { };

    /** Epoch {@code epoch} (1-based) of {@code epochs} starts with {@code triplets} triplets in {@code batches} batches. */
    default void epochStarted(int epoch, int epochs, int triplets, int batches) {
    }

    /** A batch of {@code triplets} triplets took one Adam step; {@code loss} is its batch loss. */
    default void batchFinished(int epoch, int batch, int triplets, double loss) {
    }

    default void epochFinished(EpochRecord record) {
    }

    /**
     * The {@code samples} training samples were summarised ({@link GgmlConfig#summary}, e.g. k-means)
     * in {@code seconds}, once, before the first epoch (not part of any epoch's time).
     */
    default void samplesSummarised(int samples, double seconds) {
    }

    /** Calls every listener in order. */
    static TrainingListener all(TrainingListener... listeners) {
        return new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int epochs, int triplets, int batches) {
                for (TrainingListener l : listeners) {
                    l.epochStarted(epoch, epochs, triplets, batches);
                }
            }

            @Override
            public void batchFinished(int epoch, int batch, int triplets, double loss) {
                for (TrainingListener l : listeners) {
                    l.batchFinished(epoch, batch, triplets, loss);
                }
            }

            @Override
            public void epochFinished(EpochRecord record) {
                for (TrainingListener l : listeners) {
                    l.epochFinished(record);
                }
            }

            @Override
            public void samplesSummarised(int samples, double seconds) {
                for (TrainingListener l : listeners) {
                    l.samplesSummarised(samples, seconds);
                }
            }
        };
    }
}
