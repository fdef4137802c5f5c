package dev.outboundwishlist.network;

/** An IPv4 network in CIDR notation, for carving a VPC's block into subnets and telling where it lies. */
public record Ipv4Block(long address, int prefix) {

    /** Parses {@code a.b.c.d/n}; the caller has checked the text already. */
    public static Ipv4Block parse(String cidr) {
        String[] parts = cidr.split("[./]");
        long address = 0;
        for (int i = 0; i < 4; i++) {
            address = address << 8 | Integer.parseInt(parts[i]);
        }
        return new Ipv4Block(address, Integer.parseInt(parts[4]));
    }

    /** How many blocks of {@code /newPrefix} this one holds. */
    long count(int newPrefix) {
        return 1L << (newPrefix - prefix);
    }

    /** The {@code index}-th block of {@code /newPrefix} inside this one. */
    Ipv4Block slice(long index, int newPrefix) {
        return new Ipv4Block(address + (index << (32 - newPrefix)), newPrefix);
    }

    /** Whether every address of {@code other} is in this block. */
    boolean holds(Ipv4Block other) {
        return other.prefix >= prefix && overlaps(other);
    }

    /** Whether the two share an address: one holds the other. */
    boolean overlaps(Ipv4Block other) {
        int shift = 32 - Math.min(prefix, other.prefix);
        return address >> shift == other.address >> shift;
    }

    @Override
    public String toString() {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
                + (address & 255) + "/" + prefix;
    }
}
