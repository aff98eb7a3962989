package org.groundmetric.data;

import java.util.List;

/** How lists of names (samples, genes) appear in warnings and errors: the first five, then the count. */
final class Names {
    private Names() {
    }

    static String abbreviate(List<String> items) {
        return items.size() <= 5 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 5)) + ", … (" + items.size() + " in all)";
    }
}
