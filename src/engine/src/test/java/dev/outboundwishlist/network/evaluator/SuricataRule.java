package dev.outboundwishlist.network.evaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Suricata rule line, restricted to what the egress fence writes (plus a few neighbours that
 * cost nothing): actions pass/drop/reject/alert; protocols tls, http, tcp, udp, ip; addresses
 * any, CIDR, $VARIABLE, !negation and [lists]; ports any, n, a:b, [lists]; direction "->"; options
 * tls.sni / http.host sticky buffers (with the dotprefix transform) and content (optionally
 * negated) with nocase, startswith, endswith, and the inert msg, sid, rev, flow:to_server, metadata, classtype.
 * Anything else is rejected with an exception rather than silently misread.
 *
 * <p>Addresses are matched against blocks: a source subnet matches when every address in it
 * matches (a Lambda ENI may get any address of the subnet).
 */
record SuricataRule(String text, String action, String protocol, Address source, Ports sourcePorts,
                    Address destination, Ports destinationPorts, List<Content> contents, boolean toClientOnly) {

    /** A client-to-server flow. {@code application} is "tls", "http" or null. */
    record Flow(String protocol, Cidr source, Cidr destination, int port, String serverName, String application) {
    }

    /** content:"..." against the sticky buffer {@code buffer} (tls.sni or http.host). */
    record Content(String buffer, String value, boolean negated, boolean nocase, boolean startsWith,
                   boolean endsWith, boolean dotPrefix) {

        boolean matches(String bufferValue) {
            if (bufferValue == null) {
                return false;
            }
            String subject = dotPrefix ? "." + bufferValue : bufferValue;
            String needle = value;
            if (nocase) {
                subject = subject.toLowerCase(Locale.ROOT);
                needle = needle.toLowerCase(Locale.ROOT);
            }
            boolean hit;
            if (startsWith && endsWith) {
                hit = subject.equals(needle);
            } else if (startsWith) {
                hit = subject.startsWith(needle);
            } else if (endsWith) {
                hit = subject.endsWith(needle);
            } else {
                hit = subject.contains(needle);
            }
            return hit != negated;
        }
    }

    /** Address expression: "any", a CIDR, "$NAME", "!expr" or "[expr,...]" (plain entries minus negated ones). */
    record Address(String text) {

        /** True when every address of {@code block} matches. */
        boolean matchesAll(Cidr block, Map<String, List<Cidr>> sets) {
            String t = text.trim();
            if (t.startsWith("!")) {
                return !new Address(t.substring(1)).overlaps(block, sets);
            }
            if (t.startsWith("[")) {
                List<String> parts = split(t.substring(1, t.length() - 1));
                List<String> positive = parts.stream().filter(p -> !p.startsWith("!")).toList();
                boolean in = positive.isEmpty() || positive.stream().anyMatch(p -> new Address(p).matchesAll(block, sets));
                return in && parts.stream().filter(p -> p.startsWith("!"))
                        .noneMatch(p -> new Address(p.substring(1)).overlaps(block, sets));
            }
            if (t.equals("any")) {
                return true;
            }
            if (t.startsWith("$")) {
                String name = t.substring(1);
                if (name.equals("EXTERNAL_NET") && !sets.containsKey(name)) {
                    return !new Address("$HOME_NET").overlaps(block, sets);
                }
                return variable(name, sets).stream().anyMatch(c -> c.contains(block));
            }
            return Cidr.parse(t).contains(block);
        }

        /** True when some address of {@code block} matches. */
        boolean overlaps(Cidr block, Map<String, List<Cidr>> sets) {
            String t = text.trim();
            if (t.startsWith("!")) {
                return !new Address(t.substring(1)).matchesAll(block, sets);
            }
            if (t.startsWith("[")) {
                List<String> parts = split(t.substring(1, t.length() - 1));
                List<String> positive = parts.stream().filter(p -> !p.startsWith("!")).toList();
                boolean some = positive.isEmpty() || positive.stream().anyMatch(p -> new Address(p).overlaps(block, sets));
                return some && parts.stream().filter(p -> p.startsWith("!"))
                        .noneMatch(p -> new Address(p.substring(1)).matchesAll(block, sets));
            }
            if (t.equals("any")) {
                return true;
            }
            if (t.startsWith("$")) {
                String name = t.substring(1);
                if (name.equals("EXTERNAL_NET") && !sets.containsKey(name)) {
                    return !new Address("$HOME_NET").matchesAll(block, sets);
                }
                return variable(name, sets).stream().anyMatch(c -> c.overlaps(block));
            }
            return Cidr.parse(t).overlaps(block);
        }

        void validate() {
            String t = text.trim();
            if (t.startsWith("!")) {
                new Address(t.substring(1)).validate();
            } else if (t.startsWith("[")) {
                split(t.substring(1, t.length() - 1)).forEach(p -> new Address(p).validate());
            } else if (!t.equals("any") && !t.startsWith("$")) {
                Cidr.parse(t);
            }
        }

        private static List<Cidr> variable(String name, Map<String, List<Cidr>> sets) {
            List<Cidr> value = sets.get(name);
            if (value == null) {
                throw new IllegalArgumentException("undefined IP set variable $" + name);
            }
            return value;
        }
    }

    /** Port expression: "any", "n", "a:b", "a:", "!expr", "[expr,...]" (plain entries minus negated ones). */
    record Ports(String text) {

        boolean matches(int port) {
            String t = text.trim();
            if (t.startsWith("!")) {
                return !new Ports(t.substring(1)).matches(port);
            }
            if (t.startsWith("[")) {
                // Suricata: the union of the plain entries minus the negated ones
                List<String> parts = split(t.substring(1, t.length() - 1));
                List<String> positive = parts.stream().filter(p -> !p.startsWith("!")).toList();
                boolean in = positive.isEmpty() || positive.stream().anyMatch(p -> new Ports(p).matches(port));
                return in && parts.stream().filter(p -> p.startsWith("!"))
                        .noneMatch(p -> new Ports(p.substring(1)).matches(port));
            }
            if (t.equals("any")) {
                return true;
            }
            int colon = t.indexOf(':');
            if (colon >= 0) {
                int low = colon == 0 ? 0 : Integer.parseInt(t.substring(0, colon).trim());
                int high = colon == t.length() - 1 ? 65535 : Integer.parseInt(t.substring(colon + 1).trim());
                return low <= port && port <= high;
            }
            return Integer.parseInt(t) == port;
        }
    }

    private static final Pattern SID = Pattern.compile("[;(]\\s*sid\\s*:\\s*(\\d+)");
    private static final Set<String> ACTIONS = Set.of("pass", "drop", "reject", "alert");
    private static final Set<String> PROTOCOLS = Set.of("tls", "http", "tcp", "udp", "ip");
    private static final Set<String> INERT = Set.of("msg", "sid", "rev", "metadata", "classtype", "priority",
            "reference", "noalert", "gid");

    static SuricataRule parse(String line) {
        String text = line.trim();
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            throw new IllegalArgumentException("no option list: " + line);
        }
        String[] header = text.substring(0, open).trim().split("\\s+");
        if (header.length != 7) {
            throw new IllegalArgumentException("header needs 7 fields: " + line);
        }
        String action = header[0].toLowerCase(Locale.ROOT);
        String protocol = header[1].toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action) || !PROTOCOLS.contains(protocol) || !header[4].equals("->")) {
            throw new IllegalArgumentException("unsupported action, protocol or direction: " + line);
        }
        Address source = new Address(header[2]);
        Address destination = new Address(header[5]);
        source.validate();
        destination.validate();
        Ports sourcePorts = new Ports(header[3]);
        Ports destinationPorts = new Ports(header[6]);
        sourcePorts.matches(0);
        destinationPorts.matches(0);

        List<Content> contents = new ArrayList<>();
        String buffer = null;
        boolean dotPrefix = false;
        boolean toClientOnly = false;
        for (String option : options(text.substring(open + 1, text.length() - 1))) {
            int colon = option.indexOf(':');
            String key = (colon < 0 ? option : option.substring(0, colon)).trim();
            String value = colon < 0 ? null : option.substring(colon + 1).trim();
            switch (key) {
                case "tls.sni", "http.host" -> {
                    buffer = key;
                    dotPrefix = false;
                }
                case "dotprefix" -> {
                    // a transform of the sticky buffer: it must follow the buffer and precede its contents
                    String current = buffer;
                    if (current == null || contents.stream().anyMatch(c -> c.buffer().equals(current))) {
                        throw new IllegalArgumentException("dotprefix must follow tls.sni/http.host: " + line);
                    }
                    dotPrefix = true;
                }
                case "content" -> {
                    if (buffer == null || !buffer.startsWith(protocol)) {
                        throw new IllegalArgumentException("content outside a tls.sni/http.host buffer: " + line);
                    }
                    boolean negated = value.startsWith("!");
                    String quoted = negated ? value.substring(1).trim() : value;
                    if (!quoted.startsWith("\"") || !quoted.endsWith("\"") || quoted.contains("|")) {
                        throw new IllegalArgumentException("unsupported content: " + line);
                    }
                    contents.add(new Content(buffer, quoted.substring(1, quoted.length() - 1), negated,
                            false, false, false, dotPrefix));
                }
                case "nocase", "startswith", "endswith" -> {
                    if (contents.isEmpty()) {
                        throw new IllegalArgumentException(key + " before any content: " + line);
                    }
                    Content c = contents.remove(contents.size() - 1);
                    contents.add(new Content(c.buffer(), c.value(), c.negated(),
                            c.nocase() || key.equals("nocase"), c.startsWith() || key.equals("startswith"),
                            c.endsWith() || key.equals("endswith"), c.dotPrefix()));
                }
                case "flow" -> toClientOnly = value != null && (value.contains("to_client") || value.contains("from_server"));
                default -> {
                    if (!INERT.contains(key)) {
                        throw new IllegalArgumentException("unsupported option " + key + ": " + line);
                    }
                }
            }
        }
        return new SuricataRule(text, action, protocol, source, sourcePorts, destination, destinationPorts,
                List.copyOf(contents), toClientOnly);
    }

    /** Whether this rule matches the flow, given the rule group's IP sets (HOME_NET etc.). */
    boolean matches(Flow flow, Map<String, List<Cidr>> sets) {
        return matches(flow, sets, false);
    }

    boolean matches(Flow flow, Map<String, List<Cidr>> sets, boolean ignoreSource) {
        if (toClientOnly || !protocolMatches(flow)) {
            return false;
        }
        if (!ignoreSource && !source.matchesAll(flow.source(), sets) || !destination.matchesAll(flow.destination(), sets)
                || !destinationPorts.matches(flow.port())) {
            return false;
        }
        // The client's source port is ephemeral: only "any" (or a range covering them all) is certain.
        if (!sourcePorts.text().equals("any") && !(sourcePorts.matches(1024) && sourcePorts.matches(65535))) {
            return false;
        }
        for (Content c : contents) {
            String value = c.buffer().equals("http.host") ? httpHost(flow.serverName()) : flow.serverName();
            if (!c.matches(value)) {
                return false;
            }
        }
        return true;
    }

    /** The sid option, or "?" when absent. */
    String sid() {
        Matcher m = SID.matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    /** Application-layer rules (tls, http) cannot match the TCP handshake packets. */
    boolean applicationLayer() {
        return protocol.equals("tls") || protocol.equals("http");
    }

    private boolean protocolMatches(Flow flow) {
        return switch (protocol) {
            case "ip" -> true;
            case "tcp", "udp" -> protocol.equals(flow.protocol());
            default -> protocol.equals(flow.application());
        };
    }

    /** Suricata normalises http.host: lower case, without a port. */
    private static String httpHost(String host) {
        if (host == null) {
            return null;
        }
        int colon = host.lastIndexOf(':');
        String bare = colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
        return bare.toLowerCase(Locale.ROOT);
    }

    /** Splits on top-level commas. */
    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(list.substring(start).trim());
        return out;
    }

    /** Splits the option list on ';' outside quotes, honouring backslash escapes. */
    private static List<String> options(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                current.append(body.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ';' && !quoted) {
                if (!current.toString().isBlank()) {
                    out.add(current.toString().trim());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return out;
    }
}
