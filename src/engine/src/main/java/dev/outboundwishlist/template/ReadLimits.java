package dev.outboundwishlist.template;

/** Bounds that keep hostile input from exhausting time or memory. */
final class ReadLimits {

    /** CloudFormation's limit for a template body stored in S3 (1 MB). */
    static final int MAX_BYTES = 1_048_576;

    /** Nested mappings and lists; real templates, including deep state machines, stay far below. */
    static final int MAX_DEPTH = 200;

    /** Values in the document after YAML aliases are expanded: bounds alias bombs. */
    static final int MAX_NODES = 1_000_000;

    private ReadLimits() {
    }
}
