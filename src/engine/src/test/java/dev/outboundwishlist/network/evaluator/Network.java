package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EC2 / Lambda resources of a template as plain records, read by type and properties
 * (references are followed through {@link Cfn#target}; logical-id names carry no meaning).
 */
final class Network {

    /** {@code cidrs}: the CidrBlock first, then any AWS::EC2::VPCCidrBlock (all covered by the local route). */
    record Vpc(String id, List<Cidr> cidrs, boolean dnsSupport, boolean dnsHostnames) {
    }

    record Subnet(String id, String vpc, Cidr cidr, String az) {
    }

    /** Where a route sends traffic. */
    sealed interface Target permits Local, InternetGateway, NatGateway, FirewallEndpoint, Unsupported {
    }

    record Local() implements Target {
    }

    record InternetGateway(String id) implements Target {
    }

    record NatGateway(String id) implements Target {
    }

    /** The endpoint of {@code firewall} in {@code subnet} (from Fn::GetAtt EndpointIds). */
    record FirewallEndpoint(String firewall, String subnet) implements Target {
    }

    record Unsupported(String description) implements Target {
    }

    record Route(Cidr destination, Target target) {
    }

    record RouteTable(String id, String vpc, List<Route> routes) {
    }

    /** {@code problem} is non-null when the gateway cannot translate to a public address at all. */
    record Nat(String id, String subnet, String problem) {
    }

    /**
     * One security group rule. {@code protocol} is tcp, udp, icmp, "-1" (all) or the raw value; the
     * peer is {@code cidr}, {@code prefixList} or {@code group} (a logical id), whichever is set.
     */
    record SgRule(String protocol, int fromPort, int toPort, Cidr cidr, String prefixList, String group) {

        boolean covers(String flowProtocol, int port) {
            if (protocol.equals("-1")) {
                return true;
            }
            return protocol.equals(flowProtocol) && fromPort <= port && port <= toPort;
        }
    }

    /** {@code defaultEgress}: no inline SecurityGroupEgress, so CloudFormation keeps EC2's allow-all rule. */
    record SecurityGroup(String id, String vpc, List<SgRule> egress, boolean defaultEgress, List<SgRule> ingress) {
    }

    /**
     * {@code privateDnsOnlyForInbound}: DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint, null when
     * absent (AWS then defaults it to true when the VPC also has a gateway endpoint for the service).
     */
    record Endpoint(String id, String type, String serviceName, String vpc, List<String> routeTables,
                    List<String> subnets, List<String> groups, boolean privateDns, Boolean privateDnsOnlyForInbound,
                    JsonNode policy) {
    }

    record Firewall(String id, String vpc, List<String> subnets, String policy) {
    }

    /** {@code subnets} and {@code groups} are logical ids, or the raw text when a value names no such resource. */
    record Function(String id, boolean inVpc, List<String> subnets, List<String> groups) {
    }

    static final String VPC = "AWS::EC2::VPC";
    static final String SUBNET = "AWS::EC2::Subnet";
    static final String ROUTE_TABLE = "AWS::EC2::RouteTable";
    static final String IGW = "AWS::EC2::InternetGateway";
    static final String NAT = "AWS::EC2::NatGateway";
    static final String SG = "AWS::EC2::SecurityGroup";
    static final String FIREWALL = "AWS::NetworkFirewall::Firewall";

    final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    final Map<String, Subnet> subnets = new LinkedHashMap<>();
    final Map<String, RouteTable> routeTables = new LinkedHashMap<>();
    /** subnet -> route tables explicitly associated (more than one is a template error). */
    final Map<String, List<String>> associations = new LinkedHashMap<>();
    /** internet gateway -> VPCs it is attached to. */
    final Map<String, Set<String>> attachments = new LinkedHashMap<>();
    final Map<String, Nat> nats = new LinkedHashMap<>();
    final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    final Map<String, Firewall> firewalls = new LinkedHashMap<>();
    final Map<String, Function> functions = new LinkedHashMap<>();

    Network(Cfn cfn) {
        for (String id : cfn.ids(VPC)) {
            List<Cidr> cidrs = new ArrayList<>();
            Cidr primary = Cidr.tryParse(Cfn.text(cfn.prop(id, "CidrBlock")));
            if (primary != null) {
                cidrs.add(primary);
            }
            vpcs.put(id, new Vpc(id, cidrs, bool(cfn.prop(id, "EnableDnsSupport"), true),
                    bool(cfn.prop(id, "EnableDnsHostnames"), false)));
        }
        for (String id : cfn.ids("AWS::EC2::VPCCidrBlock")) {
            Vpc vpc = vpcs.get(vpcOf(cfn, cfn.prop(id, "VpcId")));
            Cidr cidr = Cidr.tryParse(Cfn.text(cfn.prop(id, "CidrBlock")));
            if (vpc != null && cidr != null) {
                vpc.cidrs().add(cidr);
            }
        }
        for (String id : cfn.ids(SUBNET)) {
            subnets.put(id, new Subnet(id, vpcOf(cfn, cfn.prop(id, "VpcId")),
                    Cidr.tryParse(Cfn.text(cfn.prop(id, "CidrBlock"))), Cfn.text(cfn.prop(id, "AvailabilityZone"))));
        }
        for (String id : cfn.ids(ROUTE_TABLE)) {
            routeTables.put(id, new RouteTable(id, vpcOf(cfn, cfn.prop(id, "VpcId")), new ArrayList<>()));
        }
        for (String id : cfn.ids("AWS::EC2::Route")) {
            RouteTable table = routeTables.get(cfn.target(cfn.prop(id, "RouteTableId"), ROUTE_TABLE, true, "RouteTableId"));
            Cidr destination = Cidr.tryParse(Cfn.text(cfn.prop(id, "DestinationCidrBlock")));
            if (table != null && destination != null) {
                table.routes().add(new Route(destination, routeTarget(cfn, id)));
            }
        }
        for (String id : cfn.ids("AWS::EC2::SubnetRouteTableAssociation")) {
            String subnet = cfn.target(cfn.prop(id, "SubnetId"), SUBNET, true, "SubnetId");
            String table = cfn.target(cfn.prop(id, "RouteTableId"), ROUTE_TABLE, true, "RouteTableId");
            if (subnet != null && table != null) {
                associations.computeIfAbsent(subnet, k -> new ArrayList<>()).add(table);
            }
        }
        for (String id : cfn.ids("AWS::EC2::VPCGatewayAttachment")) {
            String igw = cfn.target(cfn.prop(id, "InternetGatewayId"), IGW, true, "InternetGatewayId");
            String vpc = vpcOf(cfn, cfn.prop(id, "VpcId"));
            if (igw != null && vpc != null) {
                attachments.computeIfAbsent(igw, k -> new LinkedHashSet<>()).add(vpc);
            }
        }
        for (String id : cfn.ids(NAT)) {
            nats.put(id, nat(cfn, id));
        }
        readSecurityGroups(cfn);
        for (String id : cfn.ids("AWS::EC2::VPCEndpoint")) {
            JsonNode policy = cfn.prop(id, "PolicyDocument");
            if (policy.isTextual() && !policy.asText().startsWith("{{")) {
                try {
                    policy = new ObjectMapper().readTree(policy.asText());
                } catch (IOException e) {
                    throw new IllegalArgumentException(id + ": PolicyDocument is not JSON", e);
                }
            }
            String type = Cfn.text(cfn.prop(id, "VpcEndpointType"));
            String inbound = Cfn.text(cfn.prop(id, "DnsOptions").path("PrivateDnsOnlyForInboundResolverEndpoint"));
            Boolean inboundOnly = inbound == null ? null : Boolean.valueOf(inbound);
            endpoints.put(id, new Endpoint(id, type == null ? "Gateway" : type, Cfn.text(cfn.prop(id, "ServiceName")),
                    vpcOf(cfn, cfn.prop(id, "VpcId")),
                    ids(cfn, cfn.prop(id, "RouteTableIds"), ROUTE_TABLE, "RouteTableId"),
                    ids(cfn, cfn.prop(id, "SubnetIds"), SUBNET, "SubnetId"),
                    ids(cfn, cfn.prop(id, "SecurityGroupIds"), SG, "GroupId"),
                    bool(cfn.prop(id, "PrivateDnsEnabled"), false), inboundOnly, policy));
        }
        for (String id : cfn.ids(FIREWALL)) {
            List<String> mapped = new ArrayList<>();
            for (JsonNode mapping : cfn.prop(id, "SubnetMappings")) {
                mapped.add(orRaw(cfn.target(mapping.path("SubnetId"), SUBNET, true, "SubnetId"), mapping.path("SubnetId")));
            }
            firewalls.put(id, new Firewall(id, vpcOf(cfn, cfn.prop(id, "VpcId")), mapped,
                    cfn.target(cfn.prop(id, "FirewallPolicyArn"), "AWS::NetworkFirewall::FirewallPolicy", true,
                            "FirewallPolicyArn")));
        }
        for (String id : cfn.ids("AWS::Serverless::Function", "AWS::Lambda::Function")) {
            functions.put(id, function(cfn, id));
        }
    }

    private static Target routeTarget(Cfn cfn, String route) {
        List<String> keys = new ArrayList<>();
        for (String key : List.of("GatewayId", "NatGatewayId", "VpcEndpointId", "TransitGatewayId", "InstanceId",
                "NetworkInterfaceId", "VpcPeeringConnectionId", "EgressOnlyInternetGatewayId", "CarrierGatewayId",
                "LocalGatewayId", "CoreNetworkArn")) {
            if (Cfn.isPresent(cfn.prop(route, key))) {
                keys.add(key);
            }
        }
        if (keys.size() != 1) {
            return new Unsupported("route " + route + " has " + keys.size() + " targets " + keys);
        }
        JsonNode value = cfn.prop(route, keys.get(0));
        switch (keys.get(0)) {
            case "GatewayId": {
                String igw = cfn.target(value, IGW, true, "InternetGatewayId");
                return igw != null ? new InternetGateway(igw) : new Unsupported("gateway " + value.asText());
            }
            case "NatGatewayId": {
                String nat = cfn.target(value, NAT, true, "NatGatewayId");
                return nat != null ? new NatGateway(nat) : new Unsupported("NAT gateway " + value.asText());
            }
            case "VpcEndpointId": {
                Cfn.Reference r = Cfn.reference(value);
                if (r != null && r.kind().equals("FirewallEndpoint")) {
                    return new FirewallEndpoint(r.logicalId(), r.detail());
                }
                return new Unsupported("VPC endpoint " + value + " (not a firewall endpoint)");
            }
            default:
                return new Unsupported(keys.get(0) + " " + value);
        }
    }

    private static Nat nat(Cfn cfn, String id) {
        String subnet = orRaw(cfn.target(cfn.prop(id, "SubnetId"), SUBNET, true, "SubnetId"), cfn.prop(id, "SubnetId"));
        String connectivity = Cfn.text(cfn.prop(id, "ConnectivityType"));
        String problem = null;
        if ("private".equals(connectivity)) {
            problem = "NAT gateway " + id + " is private (no public address)";
        } else if (cfn.target(cfn.prop(id, "AllocationId"), "AWS::EC2::EIP", false, "AllocationId") == null) {
            problem = "NAT gateway " + id + " has no AllocationId of an AWS::EC2::EIP (GetAtt AllocationId)";
        }
        return new Nat(id, subnet, problem);
    }

    private void readSecurityGroups(Cfn cfn) {
        for (String id : cfn.ids(SG)) {
            JsonNode egress = cfn.prop(id, "SecurityGroupEgress");
            List<SgRule> out = new ArrayList<>();
            for (JsonNode rule : egress) {
                out.add(rule(cfn, rule, true));
            }
            List<SgRule> in = new ArrayList<>();
            for (JsonNode rule : cfn.prop(id, "SecurityGroupIngress")) {
                in.add(rule(cfn, rule, false));
            }
            // An absent or empty SecurityGroupEgress leaves EC2's default "all traffic to 0.0.0.0/0".
            groups.put(id, new SecurityGroup(id, vpcOf(cfn, cfn.prop(id, "VpcId")), out, out.isEmpty(), in));
        }
        for (String type : List.of("AWS::EC2::SecurityGroupEgress", "AWS::EC2::SecurityGroupIngress")) {
            for (String id : cfn.ids(type)) {
                SecurityGroup group = groups.get(cfn.target(cfn.prop(id, "GroupId"), SG, true, "GroupId"));
                if (group != null) {
                    boolean egress = type.endsWith("Egress");
                    (egress ? group.egress() : group.ingress()).add(rule(cfn, cfn.rawProperties(id).isObject()
                            ? cfn.resolve(cfn.rawProperties(id)) : JsonNodeFactory.instance.objectNode(), egress));
                }
            }
        }
    }

    private static SgRule rule(Cfn cfn, JsonNode rule, boolean egress) {
        String raw = String.valueOf(Cfn.text(rule.path("IpProtocol"))).toLowerCase();
        String protocol = switch (raw) {
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            case "-1", "all" -> "-1";
            default -> raw;
        };
        int from = integer(rule.path("FromPort"), protocol.equals("-1") ? 0 : 1);
        int to = integer(rule.path("ToPort"), protocol.equals("-1") ? 65535 : 0);
        if (protocol.equals("-1") || from == -1) {
            from = 0;
            to = 65535;
        }
        String group = cfn.target(rule.path(egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId"), SG, true, "GroupId");
        return new SgRule(protocol, from, to, Cidr.tryParse(Cfn.text(rule.path("CidrIp"))),
                Cfn.text(rule.path(egress ? "DestinationPrefixListId" : "SourcePrefixListId")), group);
    }

    private static Function function(Cfn cfn, String id) {
        JsonNode config = cfn.prop(id, "VpcConfig");
        if ("AWS::Serverless::Function".equals(cfn.type(id))) {
            // SAM merges Globals.Function.VpcConfig into each function, local keys winning.
            JsonNode global = cfn.resolve(cfn.template().path("Globals").path("Function").path("VpcConfig"));
            if (global.isObject()) {
                ObjectNode merged = ((ObjectNode) global).deepCopy();
                if (config.isObject()) {
                    merged.setAll((ObjectNode) config);
                }
                config = merged;
            }
        }
        List<String> subnets = ids(cfn, config.path("SubnetIds"), SUBNET, "SubnetId");
        List<String> groups = ids(cfn, config.path("SecurityGroupIds"), SG, "GroupId");
        // Lambda detaches from the VPC when both lists are empty.
        boolean inVpc = config.isObject() && !(subnets.isEmpty() && groups.isEmpty());
        return new Function(id, inVpc, subnets, groups);
    }

    private static List<String> ids(Cfn cfn, JsonNode list, String type, String attribute) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list) {
            out.add(orRaw(cfn.target(item, type, true, attribute), item));
        }
        return out;
    }

    private static String vpcOf(Cfn cfn, JsonNode value) {
        return cfn.target(value, VPC, true, "VpcId");
    }

    private static String orRaw(String id, JsonNode value) {
        return id != null ? id : "(unresolved " + value + ")";
    }

    private static boolean bool(JsonNode node, boolean otherwise) {
        String t = Cfn.text(node);
        return t == null ? otherwise : Boolean.parseBoolean(t);
    }

    private static int integer(JsonNode node, int otherwise) {
        try {
            String t = Cfn.text(node);
            return t == null ? otherwise : Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
