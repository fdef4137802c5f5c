package dev.outboundwishlist.diagnostics;

/** How much a finding matters: errors stop the expansion, warnings and infos do not. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
