package dev.outboundwishlist.network.evaluator;

/** An IPv4 block {@code a.b.c.d/n}; a bare address is a /32. */
record Cidr(long base, int prefix) {

    static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no CIDR");
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        int prefix = slash < 0 ? 32 : Integer.parseInt(s.substring(slash + 1));
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("bad prefix length: " + text);
        }
        long address = address(slash < 0 ? s : s.substring(0, slash));
        return new Cidr(address & mask(prefix), prefix);
    }

    /** Null instead of an exception, for values that may be unresolved or IPv6. */
    static Cidr tryParse(String text) {
        try {
            return parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static long address(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long value = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = value << 8 | octet;
        }
        return value;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    boolean contains(long address) {
        return (address & mask(prefix)) == base;
    }

    /** True when every address of {@code other} is in this block. */
    boolean contains(Cidr other) {
        return other.prefix >= prefix && contains(other.base);
    }

    boolean overlaps(Cidr other) {
        return contains(other.base) || other.contains(base);
    }

    @Override
    public String toString() {
        return (base >> 24 & 255) + "." + (base >> 16 & 255) + "." + (base >> 8 & 255) + "." + (base & 255) + "/" + prefix;
    }
}
