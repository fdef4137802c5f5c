package dev.outboundwishlist.template;

/** Shortens user values quoted in messages, so an error never echoes a whole payload. */
public final class Excerpt {

    private static final int MAX = 60;

    private Excerpt() {
    }

    public static String of(String value) {
        String oneLine = value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 1) + "…";
    }
}
