package dev.outboundwishlist.globalcatch;

import java.util.Set;

/** The two definition-level keys: catchers move to a handler state, retriers retry in place. */
enum HandlerKind {
    CATCH("Catch", "catcher", Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment")),
    RETRY("Retry", "retrier", Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "JitterStrategy", "Comment"));

    final String key;
    final String noun;
    final Set<String> fields;

    HandlerKind(String key, String noun, Set<String> fields) {
        this.key = key;
        this.noun = noun;
        this.fields = fields;
    }
}
