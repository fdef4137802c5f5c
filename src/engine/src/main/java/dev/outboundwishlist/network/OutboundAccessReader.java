package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.Severity;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.template.Excerpt;
import dev.outboundwishlist.template.Intrinsics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one OutboundNetworkAccess value, reporting every problem with its path (DESIGN §2): the
 * keys, Enabled, each allow-list entry (exactly one of Domain and Cidr, with valid ports and
 * protocol) and AwsServices. Values must be written literally: CloudFormation resolves nothing
 * before the macro runs, so an intrinsic function here cannot be honoured.
 */
final class OutboundAccessReader {

    /** An allow-list block with a shorter prefix, wider than a /8 (16 million addresses), is warned about. */
    static final int WIDE_BLOCK_PREFIX = 8;

    private static final Set<String> KEYS = Set.of("Enabled", "AllowList", "AwsServices");
    private static final Set<String> DOMAIN_KEYS = Set.of("Domain", "Ports");
    private static final Set<String> CIDR_KEYS = Set.of("Cidr", "Ports", "Protocol");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** AWS's domains that every customer's resources share: service endpoints, function URLs, CloudFront. */
    private static final List<String> AWS_SHARED = List.of("amazonaws.com", "amazonaws.com.cn", "api.aws", "on.aws",
            "cloudfront.net");
    /**
     * Other providers' domains where anyone can have storage or a site, by owner: their APIs take
     * any customer's credentials, and a name there is served by the same front ends as everyone's.
     */
    private static final Map<String, String> OTHERS_SHARED = Map.ofEntries(
            Map.entry("googleapis.com", "Google"), Map.entry("appspot.com", "Google"), Map.entry("run.app", "Google"),
            Map.entry("cloudfunctions.net", "Google"), Map.entry("web.app", "Google"),
            Map.entry("firebaseapp.com", "Google"), Map.entry("core.windows.net", "Microsoft"),
            Map.entry("azurewebsites.net", "Microsoft"), Map.entry("r2.cloudflarestorage.com", "Cloudflare"),
            Map.entry("workers.dev", "Cloudflare"), Map.entry("pages.dev", "Cloudflare"),
            Map.entry("trycloudflare.com", "Cloudflare"), Map.entry("github.io", "GitHub"),
            Map.entry("githubusercontent.com", "GitHub"), Map.entry("herokuapp.com", "Heroku"),
            Map.entry("vercel.app", "Vercel"), Map.entry("netlify.app", "Netlify"), Map.entry("ngrok.io", "ngrok"),
            Map.entry("ngrok.app", "ngrok"), Map.entry("ngrok-free.app", "ngrok"));
    /** Second-level labels under which country domains are registered, as in co.uk or com.au. */
    private static final java.util.Set<String> SECOND_LEVEL = java.util.Set.of("co", "com", "net", "org", "gov",
            "edu", "ac", "or", "ne", "go", "gob", "ltd", "plc", "sch", "nic", "mil");

    private final Diagnostics diagnostics;
    private boolean valid = true;

    private OutboundAccessReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The checked value, or empty when it has errors (all reported). */
    static Optional<OutboundAccess> read(JsonNode value, TemplatePath path, Diagnostics diagnostics) {
        OutboundAccessReader reader = new OutboundAccessReader(diagnostics);
        OutboundAccess access = reader.access(value, path);
        return reader.valid && access != null ? Optional.of(access) : Optional.empty();
    }

    private OutboundAccess access(JsonNode value, TemplatePath path) {
        if (Intrinsics.isIntrinsic(value)) {
            error(path, "is written with the intrinsic function " + value.fieldNames().next() + "; write it "
                    + "literally, since the fence is built before CloudFormation resolves anything");
            return null;
        }
        if (!value.isObject()) {
            error(path, "must be a mapping such as {Enabled: false} or {Enabled: true, AllowList: [...]}");
            return null;
        }
        unknownKeys(value, path, KEYS);
        JsonNode enabled = value.get("Enabled");
        boolean readable = enabled != null && enabled.isBoolean();
        if (!readable) {
            error(enabled == null ? path : path.key("Enabled"), enabled == null
                    ? "needs Enabled: false (no public egress) or true (with an AllowList)"
                    : "must be true or false, not " + Excerpt.describe(enabled));
        }
        // The rest is checked whatever Enabled says, so every mistake is reported at once.
        JsonNode allowList = value.get("AllowList");
        List<OutboundAccess.AllowEntry> entries = new ArrayList<>();
        if (readable && !enabled.booleanValue() && allowList != null) {
            error(path.key("AllowList"), "is written with Enabled: false, which allows no public destination; "
                    + "remove it, or set Enabled: true");
        }
        if (allowList != null) {
            entries = allowList(allowList, path.key("AllowList"));
        } else if (readable && enabled.booleanValue() && value.has("AwsServices")) {
            // Services listed ask for a fence; dropping them silently would leave the function open.
            error(path.key("AwsServices"), "is written with Enabled: true but no AllowList, which leaves the "
                    + "function unrestricted; for no public egress but these services write Enabled: false, or "
                    + "add an AllowList");
        } else if (readable && enabled.booleanValue()) {
            diagnostics.report(DiagnosticCode.NETWORK_UNRESTRICTED, Severity.INFO, path, "is Enabled: true without "
                    + "an AllowList: explicitly unrestricted, so the function is left as it is");
        }
        List<String> services = awsServices(value.get("AwsServices"), path.key("AwsServices"));
        return readable ? new OutboundAccess(enabled.booleanValue(), entries, services, path) : null;
    }

    private List<OutboundAccess.AllowEntry> allowList(JsonNode list, TemplatePath path) {
        List<OutboundAccess.AllowEntry> entries = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            error(path, "must be a non-empty list of {Domain: ...} and {Cidr: ...} entries");
            return entries;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            TemplatePath at = path.index(i);
            if (!entry.isObject()) {
                error(at, "must be a mapping with Domain or Cidr");
                continue;
            }
            boolean domain = entry.has("Domain");
            boolean cidr = entry.has("Cidr");
            if (domain == cidr) {
                error(at, domain ? "has both Domain and Cidr; write them as two entries"
                        : "needs Domain (a host name) or Cidr (a network)");
                continue;
            }
            unknownKeys(entry, at, domain ? DOMAIN_KEYS : CIDR_KEYS);
            if (domain) {
                domain(entry, at).ifPresent(entries::add);
            } else {
                cidr(entry, at).ifPresent(entries::add);
            }
        }
        return entries;
    }

    private Optional<OutboundAccess.AllowEntry> domain(JsonNode entry, TemplatePath path) {
        JsonNode value = entry.get("Domain");
        List<Integer> ports = ports(entry.get("Ports"), path.key("Ports"), List.of(443));
        if (!value.isTextual()) {
            error(path.key("Domain"), Intrinsics.isIntrinsic(value)
                    ? "is written with an intrinsic function; write the host name literally, since the fence is built "
                    + "before CloudFormation resolves anything"
                    : "must be a host name such as api.example.com, not " + Excerpt.describe(value));
            return Optional.empty();
        }
        String text = value.textValue();
        Optional<String> problem = domainProblem(text);
        if (problem.isPresent()) {
            error(path.key("Domain"), "'" + Excerpt.of(text) + "' " + problem.get());
            return Optional.empty();
        }
        boolean wildcard = text.startsWith("*.");
        String host = text.toLowerCase(java.util.Locale.ROOT).substring(wildcard ? 2 : 0);
        warnOfSharedDomains(host, wildcard, text, path.key("Domain"));
        return Optional.of(new OutboundAccess.Domain(host, wildcard, ports));
    }

    /** Domains where anyone, an attacker too, can have a name: allowing them opens the fence to everyone. */
    private void warnOfSharedDomains(String host, boolean wildcard, String text, TemplatePath path) {
        Optional<String> aws = AWS_SHARED.stream().filter(d -> host.equals(d) || host.endsWith("." + d)).findFirst();
        if (aws.isPresent()) {
            diagnostics.report(DiagnosticCode.NETWORK_WEAKENED, path, "'" + Excerpt.of(text) + "' is under "
                    + aws.get() + ", which AWS shares among all its customers: through it, code can reach what any "
                    + "account puts there, an attacker's too (service APIs with that account's credentials; function "
                    + "URLs and distributions with none), and no endpoint policy applies on this path; reach AWS "
                    + "services through AwsServices (VPC endpoints, bounded by their policies)");
            return;
        }
        Optional<String> other = OTHERS_SHARED.keySet().stream().sorted()
                .filter(d -> host.equals(d) || host.endsWith("." + d)).findFirst();
        if (other.isPresent()) {
            diagnostics.report(DiagnosticCode.NETWORK_WEAKENED, path, "'" + Excerpt.of(text) + "' is under "
                    + other.get() + ", which " + OTHERS_SHARED.get(other.get()) + " shares among its customers: "
                    + "through it, code can reach what anyone puts there, an attacker's too (its APIs take any "
                    + "customer's credentials, and the same front ends serve every name there); allow a domain "
                    + "that only you serve");
            return;
        }
        String[] labels = host.split("\\.");
        if (wildcard && labels.length == 2 && labels[1].length() == 2 && SECOND_LEVEL.contains(labels[0])) {
            diagnostics.report(DiagnosticCode.NETWORK_ALLOWS_ALL, path, "'" + Excerpt.of(text) + "' allows every "
                    + "domain under " + host + ", where anyone can register one; allow the domains the function calls");
        }
    }

    /** A host name, or {@code *.} and a host name; no scheme, path, port or invalid label. */
    static Optional<String> domainProblem(String text) {
        if (text.contains("://")) {
            return Optional.of("has a scheme; write the host name alone, such as api.example.com");
        }
        if (text.contains("/")) {
            return Optional.of("has a path; write the host name alone");
        }
        if (text.contains(":")) {
            return Optional.of("has a port; write the host name alone and list ports in Ports");
        }
        String host = text.startsWith("*.") ? text.substring(2) : text;
        if (host.contains("*")) {
            return Optional.of("has a wildcard that is not a leading '*.'; '*.example.com' allows any subdomain");
        }
        if (host.endsWith(".")) {
            return Optional.of("ends with a dot; write it without, such as api.example.com");
        }
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        if (lower.length() > 253 || !lower.contains(".")) {
            return Optional.of("is not a fully qualified host name such as api.example.com");
        }
        for (String label : lower.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("has the invalid label '" + Excerpt.of(label) + "' (letters, digits and hyphens, "
                        + "1 to 63 characters, not starting or ending with a hyphen)");
            }
        }
        if (lower.matches("[0-9.]+")) {
            return Optional.of("is an IP address; write it as Cidr: " + text + "/32");
        }
        return Optional.empty();
    }

    private Optional<OutboundAccess.AllowEntry> cidr(JsonNode entry, TemplatePath path) {
        JsonNode value = entry.get("Cidr");
        List<Integer> ports = ports(entry.get("Ports"), path.key("Ports"), List.of());
        JsonNode protocolNode = entry.get("Protocol");
        String protocol = "all";
        if (protocolNode != null) {
            if (protocolNode.isTextual() && Set.of("tcp", "udp", "all").contains(protocolNode.textValue())) {
                protocol = protocolNode.textValue();
            } else {
                error(path.key("Protocol"), Excerpt.describe(protocolNode) + " is not tcp, udp or all");
            }
        }
        if (!value.isTextual()) {
            error(path.key("Cidr"), Intrinsics.isIntrinsic(value)
                    ? "is written with an intrinsic function; write the network literally, since the fence is built "
                    + "before CloudFormation resolves anything"
                    : "must be a network such as 203.0.113.0/24, not " + Excerpt.describe(value));
            return Optional.empty();
        }
        Optional<String> problem = cidrProblem(value.textValue());
        if (problem.isPresent()) {
            error(path.key("Cidr"), "'" + Excerpt.of(value.textValue()) + "' " + problem.get());
            return Optional.empty();
        }
        if (value.textValue().contains(":")) {
            diagnostics.report(DiagnosticCode.NETWORK_IPV6_UNREACHABLE, path.key("Cidr"), "'" + value.textValue()
                    + "' is an IPv6 network, which a fenced function never reaches: the fence gives it no IPv6 "
                    + "(no IPv6 subnets in the network it builds, no dual-stack function and no IPv6 rule in an "
                    + "existing VPC), so nothing can bypass NAT and the firewall");
        } else {
            int prefix = Integer.parseInt(value.textValue().substring(value.textValue().indexOf('/') + 1));
            String onPorts = ports.isEmpty() ? "" : " on those ports";
            if (prefix == 0) {
                diagnostics.report(DiagnosticCode.NETWORK_ALLOWS_ALL, path.key("Cidr"), "'" + value.textValue()
                        + "' allows every address" + onPorts + "; is that the fence you meant?");
            } else if (prefix < WIDE_BLOCK_PREFIX) {
                // Two halves (0.0.0.0/1, 128.0.0.0/1) are every address too; warn on each wide block.
                diagnostics.report(DiagnosticCode.NETWORK_ALLOWS_ALL, path.key("Cidr"), "'" + value.textValue()
                        + "' allows one in " + (1L << prefix) + " of all IPv4 addresses" + onPorts + ", so code "
                        + "can send data almost anywhere; list the networks of the servers the function calls");
            }
        }
        return Optional.of(new OutboundAccess.Cidr(value.textValue(), ports, protocol));
    }

    /** An IPv4 or IPv6 network in CIDR notation, without host bits. */
    static Optional<String> cidrProblem(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.of("is not a CIDR; write a network such as 203.0.113.0/24 (or 203.0.113.7/32)");
        }
        String address = text.substring(0, slash);
        boolean ipv6 = address.contains(":");
        if (!ipv6 && !IPV4_CIDR.matcher(text).matches()) {
            return Optional.of("is not a valid CIDR");
        }
        String prefixText = text.substring(slash + 1);
        if (prefixText.length() > 1 && prefixText.startsWith("0")) {
            return Optional.of("has a prefix with a leading zero; write /" + prefixText.replaceFirst("^0+(?=.)", "")
                    + " rather than /" + prefixText);
        }
        int prefix;
        byte[] bytes;
        try {
            prefix = Integer.parseInt(prefixText);
            if (!ipv6) {
                for (String octet : address.split("\\.")) {
                    if (Integer.parseInt(octet) > 255) {
                        return Optional.of("is not a valid CIDR");
                    }
                    if (octet.length() > 1 && octet.startsWith("0")) {
                        // Some readers take a leading zero as octal; CloudFormation rejects it.
                        return Optional.of("has a number with a leading zero; write " + octet.replaceFirst("^0+(?=.)", "")
                                + " rather than " + octet);
                    }
                }
            }
            if (ipv6 && !address.matches("[0-9a-fA-F:.]+")) {
                return Optional.of("is not a valid CIDR");
            }
            bytes = InetAddress.getByName(address).getAddress();
        } catch (NumberFormatException | UnknownHostException e) {
            return Optional.of("is not a valid CIDR");
        }
        if (ipv6 && bytes.length == 4) {
            // ::ffff:a.b.c.d is an IPv4 address in IPv6 form; Java reads it as the IPv4 address.
            return Optional.of("is an IPv4 network written as IPv6 (::ffff:…); write it as IPv4"
                    + (prefix >= 96 && prefix <= 128 ? ", " + (bytes[0] & 255) + "." + (bytes[1] & 255) + "."
                    + (bytes[2] & 255) + "." + (bytes[3] & 255) + "/"
                    + (prefix - 96) : ""));
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            return Optional.of("has a prefix longer than the address");
        }
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] >> (7 - bit % 8) & 1) != 0) {
                return Optional.of("has host bits set after /" + prefix + "; write the network address");
            }
        }
        return Optional.empty();
    }

    private List<Integer> ports(JsonNode value, TemplatePath path, List<Integer> fallback) {
        if (value == null) {
            return fallback;
        }
        if (!value.isArray() || value.isEmpty()) {
            error(path, "must be a non-empty list of ports such as [443]");
            return fallback;
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode port = value.get(i);
            if (!port.isInt() || port.intValue() < 1 || port.intValue() > 65535) {
                error(path.index(i), Excerpt.describe(port) + " is not a port from 1 to 65535");
            } else if (!ports.add(port.intValue())) {
                error(path.index(i), port.intValue() + " is listed twice");
            }
        }
        return List.copyOf(ports);
    }

    private List<String> awsServices(JsonNode value, TemplatePath path) {
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            error(path, "must be a list of AWS service names such as [sqs, secretsmanager]");
            return List.of();
        }
        Set<String> services = new TreeSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode service = value.get(i);
            String lower = service.asText().toLowerCase(java.util.Locale.ROOT);
            if (service.isTextual() && !AwsServices.isKnown(service.textValue()) && AwsServices.isKnown(lower)) {
                error(path.index(i), Excerpt.describe(service) + " is written in capitals; service names are lower "
                        + "case, as in their endpoints: " + lower);
            } else if (!service.isTextual() || !AwsServices.isKnown(service.textValue())) {
                error(path.index(i), Excerpt.describe(service) + " is not an AWS service this version can reach through "
                        + "a VPC endpoint; known: " + String.join(", ", AwsServices.names()));
            } else {
                services.add(service.textValue());
            }
        }
        return List.copyOf(services);
    }

    private void unknownKeys(JsonNode value, TemplatePath path, Set<String> known) {
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(path.key(name), "is not a key here; expected " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private void error(TemplatePath path, String message) {
        valid = false;
        diagnostics.report(DiagnosticCode.INVALID_NETWORK_ACCESS, path, message);
    }
}
