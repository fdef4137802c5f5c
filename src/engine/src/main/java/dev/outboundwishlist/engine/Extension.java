package dev.outboundwishlist.engine;

/**
 * One template extension. The engine calls {@link #validate} on every extension first and
 * expands only when no extension reported an error, so a user sees all errors at once.
 */
public interface Extension {

    /** Reports every problem with this extension's keys; changes nothing. */
    void validate(ExpansionContext context);

    /** Rewrites the template, consuming this extension's keys; runs only on a valid template. */
    void expand(ExpansionContext context);

    /** Reports any of this extension's keys still in the expanded template (a fault if any is). */
    default void checkExpanded(ExpansionContext context) {
    }
}
