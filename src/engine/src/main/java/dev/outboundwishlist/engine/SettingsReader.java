package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.network.Ipv4Block;
import dev.outboundwishlist.network.PrivateNetworks;
import dev.outboundwishlist.template.Intrinsics;
import dev.outboundwishlist.template.Excerpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code Metadata.OutboundWishlist}, reporting every unknown key and wrong value with its
 * path, and falling back to the default for each value it could not use.
 */
public final class SettingsReader {

    static final TemplatePath PATH = TemplatePath.of("Metadata", "OutboundWishlist");

    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(\\d|[12]\\d|3[0-2])");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern PREFIX_LIST = Pattern.compile("pl-[0-9a-f]{8,17}");

    private final Diagnostics diagnostics;

    private SettingsReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public static Settings read(JsonNode root, Diagnostics diagnostics) {
        JsonNode metadata = root.path("Metadata").path("OutboundWishlist");
        if (metadata.isMissingNode()) {
            return Settings.DEFAULTS;
        }
        return new SettingsReader(diagnostics).settings(metadata);
    }

    private Settings settings(JsonNode node) {
        if (!isMapping(node, PATH, Set.of("Network", "CrossAccount"))) {
            return Settings.DEFAULTS;
        }
        return new Settings(network(node.path("Network"), PATH.key("Network")),
                crossAccount(node.path("CrossAccount"), PATH.key("CrossAccount")));
    }

    private Settings.Network network(JsonNode node, TemplatePath path) {
        Settings.Network d = Settings.Network.DEFAULTS;
        if (node.isMissingNode() || !isMapping(node, path, Set.of("VpcCidr", "AvailabilityZones", "NatGateways",
                "DnsFirewall", "DomainEnforcement", "FlowLogs", "EndpointPolicy", "TrustedAccounts", "PrefixLists",
                "ExistingVpc"))) {
            return d;
        }
        String cidr = vpcCidr(node, path, d.vpcCidr());
        int zones = integer(node, path, "AvailabilityZones", 1, 6, d.availabilityZones());
        return new Settings.Network(cidr, zones,
                choice(node, path, "NatGateways", Settings.NatGateways.class, d.natGateways()),
                bool(node, path, "DnsFirewall", d.dnsFirewall()),
                choice(node, path, "DomainEnforcement", Settings.DomainEnforcement.class, d.domainEnforcement()),
                bool(node, path, "FlowLogs", d.flowLogs()),
                choice(node, path, "EndpointPolicy", Settings.EndpointPolicy.class, d.endpointPolicy()),
                strings(node, path, "TrustedAccounts", ACCOUNT, "a 12-digit AWS account id"),
                prefixLists(node.path("PrefixLists"), path.key("PrefixLists")),
                existingVpc(node.path("ExistingVpc"), path.key("ExistingVpc")));
    }

    /**
     * A VPC's block must be private (RFC 1918, or RFC 6598's shared space) and from /16 to /28, as
     * Amazon VPC requires.
     */
    private String vpcCidr(JsonNode parent, TemplatePath path, String fallback) {
        String cidr = string(parent, path, "VpcCidr", IPV4_CIDR, "an IPv4 CIDR such as 10.192.0.0/16", null);
        if (cidr == null) {
            return fallback;
        }
        Ipv4Block block = Ipv4Block.parse(cidr);
        int prefix = block.prefix();
        if (!PrivateNetworks.isPrivate(block)) {
            error(path.key("VpcCidr"), "'" + cidr + "' is not a private range; use one inside 10.0.0.0/8, "
                    + "172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10");
            return fallback;
        }
        if (prefix < 16 || prefix > 28) {
            error(path.key("VpcCidr"), "'" + cidr + "' has a /" + prefix + " prefix; a VPC's block is /16 to /28");
            return fallback;
        }
        long hostBits = (1L << (32 - prefix)) - 1;
        if ((block.address() & hostBits) != 0) {
            error(path.key("VpcCidr"), "'" + cidr + "' has host bits set; the network is "
                    + new Ipv4Block(block.address() & ~hostBits, prefix));
            return fallback;
        }
        return cidr;
    }

    private Map<String, String> prefixLists(JsonNode node, TemplatePath path) {
        if (node.isMissingNode() || !isMapping(node, path, Set.of("S3", "DynamoDB"))) {
            return Map.of();
        }
        Map<String, String> ids = new TreeMap<>();
        node.fields().forEachRemaining(entry -> {
            String id = string(node, path, entry.getKey(), PREFIX_LIST, "a prefix list id such as pl-63a5400a", null);
            if (id != null) {
                ids.put(entry.getKey(), id);
            }
        });
        return ids;
    }

    /** Empty unless every part is valid: a half-read VPC would only add misleading errors to the real ones. */
    private Optional<Settings.ExistingVpc> existingVpc(JsonNode node, TemplatePath path) {
        if (node.isMissingNode() || !isMapping(node, path, Set.of("VpcId", "IsolatedSubnetIds", "EgressSubnetIds",
                "EndpointSubnetIds", "EndpointSecurityGroupId"))) {
            return Optional.empty();
        }
        long errorsBefore = diagnostics.errorCount();
        JsonNode vpcId = node.path("VpcId");
        if (vpcId.isMissingNode()) {
            error(path.key("VpcId"), "is required: the id of the VPC to use");
        } else if (!isId(vpcId, "vpc")) {
            error(path.key("VpcId"), "must be a VPC id (vpc-…) or an intrinsic function such as !Ref of a parameter");
        }
        Optional<JsonNode> isolated = subnetIds(node, path, "IsolatedSubnetIds");
        Optional<JsonNode> egress = subnetIds(node, path, "EgressSubnetIds");
        Optional<JsonNode> endpoints = subnetIds(node, path, "EndpointSubnetIds");
        Optional<JsonNode> endpointGroup = Optional.ofNullable(node.get("EndpointSecurityGroupId"));
        if (!node.has("IsolatedSubnetIds") && !node.has("EgressSubnetIds")) {
            error(path, "needs IsolatedSubnetIds, EgressSubnetIds or both: the subnets functions will run in");
        }
        if (endpointGroup.isPresent() && !isId(endpointGroup.get(), "sg")) {
            error(path.key("EndpointSecurityGroupId"), "must be a security group id (sg-…) or an intrinsic function");
        }
        if (endpoints.isPresent() && endpointGroup.isPresent()) {
            error(path.key("EndpointSecurityGroupId"), "is given with EndpointSubnetIds; choose one: EndpointSubnetIds "
                    + "to let the macro create the endpoints, or EndpointSecurityGroupId to use the VPC's own");
        }
        return diagnostics.errorCount() > errorsBefore ? Optional.empty()
                : Optional.of(new Settings.ExistingVpc(vpcId, isolated, egress, endpoints, endpointGroup));
    }

    /** A list of subnet ids, or one intrinsic function that gives the whole list. */
    private Optional<JsonNode> subnetIds(JsonNode parent, TemplatePath path, String key) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        if (Intrinsics.isIntrinsic(node)) {
            return Optional.of(node);
        }
        if (!node.isArray() || node.isEmpty()) {
            error(path.key(key), "must be a non-empty list of subnet ids, or an intrinsic function such as !Ref of "
                    + "a List<AWS::EC2::Subnet::Id> parameter");
            return Optional.empty();
        }
        boolean valid = true;
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            if (!isId(node.get(i), "subnet")) {
                error(path.key(key).index(i), "must be a subnet id (subnet-…) or an intrinsic function");
                valid = false;
            } else if (!seen.add(node.get(i))) {
                // Lambda and EC2 both refuse a subnet listed twice; better said here, with the line.
                error(path.key(key).index(i), "lists " + Excerpt.describe(node.get(i)) + " a second time");
                valid = false;
            }
        }
        return valid ? Optional.of(node) : Optional.empty();
    }

    private Settings.CrossAccount crossAccount(JsonNode node, TemplatePath path) {
        Settings.CrossAccount d = Settings.CrossAccount.DEFAULTS;
        if (node.isMissingNode() || !isMapping(node, path, Set.of("Mode", "AllowedRoleArns"))) {
            return d;
        }
        return new Settings.CrossAccount(choice(node, path, "Mode", Settings.CrossAccountMode.class, d.mode()),
                strings(node, path, "AllowedRoleArns", Pattern.compile("arn:[a-z-]+:iam::(\\d{12}|\\*):role/.+"),
                        "an IAM role ARN or ARN pattern such as arn:aws:iam::123456789012:role/Partner*"));
    }

    /** Reports unknown keys; the known ones are still read, so every mistake shows at once. */
    private boolean isMapping(JsonNode node, TemplatePath path, Set<String> known) {
        if (!node.isObject()) {
            error(path, "must be a mapping with the keys " + sorted(known));
            return false;
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(path.key(name), "is not a known setting; expected one of " + sorted(known));
            }
        }
        return true;
    }

    private String string(JsonNode parent, TemplatePath path, String key, Pattern form, String expected,
                          String fallback) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.isTextual() || !form.matcher(node.textValue()).matches()) {
            error(path.key(key), describe(node) + " is not " + expected);
            return fallback;
        }
        return node.textValue();
    }

    private int integer(JsonNode parent, TemplatePath path, String key, int min, int max, int fallback) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode()) {
            return fallback;
        }
        if (node.isNumber() && !node.isInt()) {
            error(path.key(key), "is written as a decimal or exponent number; write a whole number from " + min
                    + " to " + max);
            return fallback;
        }
        if (!node.isInt() || node.intValue() < min || node.intValue() > max) {
            error(path.key(key), describe(node) + " is not a whole number from " + min + " to " + max);
            return fallback;
        }
        return node.intValue();
    }

    private boolean bool(JsonNode parent, TemplatePath path, String key, boolean fallback) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            error(path.key(key), describe(node) + " is not true or false");
            return fallback;
        }
        return node.booleanValue();
    }

    private <E extends Enum<E>> E choice(JsonNode parent, TemplatePath path, String key, Class<E> type, E fallback) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode()) {
            return fallback;
        }
        for (E value : type.getEnumConstants()) {
            if (node.isTextual() && value.name().equals(node.textValue())) {
                return value;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        error(path.key(key), describe(node) + " is not one of " + String.join(", ", names));
        return fallback;
    }

    private List<String> strings(JsonNode parent, TemplatePath path, String key, Pattern form, String expected) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            error(path.key(key), "must be a list, each item " + expected);
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual() && form.matcher(item.textValue()).matches()) {
                values.add(item.textValue());
            } else if (item.isIntegralNumber() && form.matcher(item.asText()).matches()) {
                error(path.key(key).index(i), item.asText() + " is a number; quote it ('" + item.asText()
                        + "') so it is read as text and keeps any leading zeros");
            } else {
                error(path.key(key).index(i), describe(item) + " is not " + expected);
            }
        }
        return List.copyOf(values);
    }

    /** A literal EC2 id of the given kind (vpc, subnet, sg), or an intrinsic function that gives one. */
    private static boolean isId(JsonNode node, String kind) {
        return node.isTextual() && node.textValue().matches(kind + "-[0-9a-f]{8,17}") || Intrinsics.isIntrinsic(node);
    }


    /** A setting's value in a message; an intrinsic is explained, since nothing resolves one in Metadata. */
    private static String describe(JsonNode node) {
        String described = Excerpt.describe(node);
        return Intrinsics.isIntrinsic(node)
                ? described + " (settings are read as written; CloudFormation resolves nothing in Metadata)"
                : described;
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    private void error(TemplatePath path, String message) {
        diagnostics.report(DiagnosticCode.INVALID_SETTING, path, message);
    }
}
