package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds templates in the shapes the E1 expansion writes (SHAPES.md), intrinsics in JSON long
 * form. Logical ids are deliberately unlike the generator's so nothing can lean on names.
 */
final class TestTemplate {

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ObjectNode root = F.objectNode();
    private final ObjectNode resources = root.putObject("Resources");

    JsonNode build() {
        return root;
    }

    ObjectNode root() {
        return root;
    }

    /** Properties of an existing resource, to tweak a ready-made network in one test. */
    ObjectNode props(String id) {
        return (ObjectNode) resources.get(id).get("Properties");
    }

    TestTemplate remove(String id) {
        resources.remove(id);
        return this;
    }

    ObjectNode add(String id, String type) {
        ObjectNode r = resources.putObject(id);
        r.put("Type", type);
        return r.putObject("Properties");
    }

    // ---- intrinsics -------------------------------------------------------------------------

    static ObjectNode ref(String id) {
        ObjectNode n = F.objectNode();
        n.put("Ref", id);
        return n;
    }

    static ObjectNode getAtt(String id, String attribute) {
        ObjectNode n = F.objectNode();
        n.putArray("Fn::GetAtt").add(id).add(attribute);
        return n;
    }

    static ObjectNode sub(String text) {
        ObjectNode n = F.objectNode();
        n.put("Fn::Sub", text);
        return n;
    }

    static ObjectNode select(int index, JsonNode list) {
        ObjectNode n = F.objectNode();
        n.putArray("Fn::Select").add(index).add(list);
        return n;
    }

    /** The generator's firewall endpoint expression, Select [1, Split [":", Select [0, EndpointIds]]]. */
    static ObjectNode firewallEndpoint(String firewall, int part) {
        ObjectNode split = F.objectNode();
        split.putArray("Fn::Split").add(":").add(select(0, getAtt(firewall, "EndpointIds")));
        return select(part, split);
    }

    static ArrayNode refs(String... ids) {
        ArrayNode a = F.arrayNode();
        for (String id : ids) {
            a.add(ref(id));
        }
        return a;
    }

    // ---- EC2 --------------------------------------------------------------------------------

    TestTemplate vpc(String id, String cidr) {
        ObjectNode p = add(id, "AWS::EC2::VPC");
        p.put("CidrBlock", cidr).put("EnableDnsSupport", true).put("EnableDnsHostnames", true);
        return this;
    }

    TestTemplate subnet(String id, String vpc, String cidr, int az) {
        ObjectNode p = add(id, "AWS::EC2::Subnet");
        p.set("VpcId", ref(vpc));
        p.put("CidrBlock", cidr);
        ObjectNode azs = F.objectNode();
        azs.put("Fn::GetAZs", "");
        p.set("AvailabilityZone", select(az, azs));
        p.put("MapPublicIpOnLaunch", false);
        return this;
    }

    /** A route table associated with the given subnets. */
    TestTemplate routeTable(String id, String vpc, String... subnets) {
        add(id, "AWS::EC2::RouteTable").set("VpcId", ref(vpc));
        for (String subnet : subnets) {
            associate(subnet, id);
        }
        return this;
    }

    TestTemplate associate(String subnet, String table) {
        ObjectNode p = add(table + subnet + "Assoc", "AWS::EC2::SubnetRouteTableAssociation");
        p.set("SubnetId", ref(subnet));
        p.set("RouteTableId", ref(table));
        return this;
    }

    TestTemplate route(String id, String table, String cidr, String targetKey, JsonNode target) {
        ObjectNode p = add(id, "AWS::EC2::Route");
        p.set("RouteTableId", ref(table));
        p.put("DestinationCidrBlock", cidr);
        p.set(targetKey, target);
        return this;
    }

    TestTemplate routeToIgw(String id, String table, String cidr, String igw) {
        return route(id, table, cidr, "GatewayId", ref(igw));
    }

    TestTemplate routeToNat(String id, String table, String cidr, String nat) {
        return route(id, table, cidr, "NatGatewayId", ref(nat));
    }

    TestTemplate routeToFirewall(String id, String table, String cidr, String firewall) {
        return route(id, table, cidr, "VpcEndpointId", firewallEndpoint(firewall, 1));
    }

    /** An internet gateway and, when {@code vpc} is not null, its attachment. */
    TestTemplate igw(String id, String vpc) {
        add(id, "AWS::EC2::InternetGateway");
        if (vpc != null) {
            ObjectNode p = add(id + "Attachment", "AWS::EC2::VPCGatewayAttachment");
            p.set("VpcId", ref(vpc));
            p.set("InternetGatewayId", ref(id));
        }
        return this;
    }

    /** A NAT gateway with its EIP. */
    TestTemplate nat(String id, String subnet) {
        add(id + "Ip", "AWS::EC2::EIP").put("Domain", "vpc");
        ObjectNode p = add(id, "AWS::EC2::NatGateway");
        p.set("SubnetId", ref(subnet));
        p.set("AllocationId", getAtt(id + "Ip", "AllocationId"));
        return this;
    }

    /** A security group; {@code egress} null leaves SecurityGroupEgress out. */
    TestTemplate securityGroup(String id, String vpc, ArrayNode egress) {
        ObjectNode p = add(id, "AWS::EC2::SecurityGroup");
        p.put("GroupDescription", "test group");
        p.set("VpcId", ref(vpc));
        if (egress != null) {
            p.set("SecurityGroupEgress", egress);
        }
        return this;
    }

    static ArrayNode rules(ObjectNode... rules) {
        ArrayNode a = F.arrayNode();
        for (ObjectNode r : rules) {
            a.add(r);
        }
        return a;
    }

    static ObjectNode cidrRule(String protocol, int from, int to, String cidr) {
        ObjectNode r = F.objectNode();
        r.put("IpProtocol", protocol).put("FromPort", from).put("ToPort", to).put("CidrIp", cidr);
        return r;
    }

    static ObjectNode prefixListRule(String prefixList) {
        ObjectNode r = F.objectNode();
        r.put("IpProtocol", "tcp").put("FromPort", 443).put("ToPort", 443).put("DestinationPrefixListId", prefixList);
        return r;
    }

    static ObjectNode groupRule(String group) {
        ObjectNode r = F.objectNode();
        r.put("IpProtocol", "tcp").put("FromPort", 443).put("ToPort", 443);
        r.set("DestinationSecurityGroupId", ref(group));
        return r;
    }

    static ObjectNode noOpRule() {
        return cidrRule("icmp", 252, 86, "255.255.255.255/32");
    }

    TestTemplate function(String id, String[] subnets, String... groups) {
        ObjectNode p = add(id, "AWS::Serverless::Function");
        p.put("Runtime", "python3.12").put("Handler", "app.handler");
        ObjectNode vpcConfig = p.putObject("VpcConfig");
        vpcConfig.set("SubnetIds", refs(subnets));
        vpcConfig.set("SecurityGroupIds", refs(groups));
        return this;
    }

    TestTemplate functionOutsideVpc(String id) {
        add(id, "AWS::Lambda::Function").put("Runtime", "python3.12");
        return this;
    }

    // ---- VPC endpoints ----------------------------------------------------------------------

    ObjectNode gatewayEndpoint(String id, String service, String vpc, String... tables) {
        ObjectNode p = add(id, "AWS::EC2::VPCEndpoint");
        p.put("VpcEndpointType", "Gateway");
        p.set("ServiceName", sub("com.amazonaws.${AWS::Region}." + service));
        p.set("VpcId", ref(vpc));
        p.set("RouteTableIds", refs(tables));
        return p;
    }

    /** An interface endpoint with private DNS and a group admitting 443 from {@code ingressCidr}. */
    ObjectNode interfaceEndpoint(String id, String service, String vpc, String subnet, String ingressCidr) {
        ObjectNode group = add(id + "Group", "AWS::EC2::SecurityGroup");
        group.put("GroupDescription", "endpoint");
        group.set("VpcId", ref(vpc));
        group.set("SecurityGroupIngress", rules(cidrRule("tcp", 443, 443, ingressCidr)));
        group.set("SecurityGroupEgress", rules(noOpRule()));
        ObjectNode p = add(id, "AWS::EC2::VPCEndpoint");
        p.put("VpcEndpointType", "Interface");
        p.set("ServiceName", sub("com.amazonaws.${AWS::Region}." + service));
        p.set("VpcId", ref(vpc));
        p.set("SubnetIds", refs(subnet));
        p.set("SecurityGroupIds", refs(id + "Group"));
        p.put("PrivateDnsEnabled", true);
        return p;
    }

    // ---- Network Firewall -------------------------------------------------------------------

    /** Firewall in {@code subnet} with a STRICT_ORDER drop_established policy over one rule group. */
    TestTemplate firewall(String id, String vpc, String subnet, String rules, String... homeNet) {
        ObjectNode group = add(id + "Rules", "AWS::NetworkFirewall::RuleGroup");
        group.put("RuleGroupName", id + "-rules").put("Type", "STATEFUL").put("Capacity", 100);
        ObjectNode body = group.putObject("RuleGroup");
        ArrayNode definition = body.putObject("RuleVariables").putObject("IPSets").putObject("HOME_NET").putArray("Definition");
        for (String cidr : homeNet) {
            definition.add(cidr);
        }
        body.putObject("StatefulRuleOptions").put("RuleOrder", "STRICT_ORDER");
        body.putObject("RulesSource").put("RulesString", rules);

        ObjectNode policy = add(id + "Policy", "AWS::NetworkFirewall::FirewallPolicy");
        policy.put("FirewallPolicyName", id + "-policy");
        ObjectNode fp = policy.putObject("FirewallPolicy");
        fp.putArray("StatelessDefaultActions").add("aws:forward_to_sfe");
        fp.putArray("StatelessFragmentDefaultActions").add("aws:forward_to_sfe");
        fp.putObject("StatefulEngineOptions").put("RuleOrder", "STRICT_ORDER");
        fp.putArray("StatefulDefaultActions").add("aws:drop_established").add("aws:alert_established");
        ObjectNode reference = fp.putArray("StatefulRuleGroupReferences").addObject();
        reference.set("ResourceArn", getAtt(id + "Rules", "RuleGroupArn"));
        reference.put("Priority", 1);

        ObjectNode p = add(id, "AWS::NetworkFirewall::Firewall");
        p.put("FirewallName", id.toLowerCase());
        p.set("FirewallPolicyArn", getAtt(id + "Policy", "FirewallPolicyArn"));
        p.set("VpcId", ref(vpc));
        p.putArray("SubnetMappings").addObject().set("SubnetId", ref(subnet));
        return this;
    }

    // ---- DNS Firewall -----------------------------------------------------------------------

    TestTemplate domainList(String id, JsonNode... domains) {
        ObjectNode p = add(id, "AWS::Route53Resolver::FirewallDomainList");
        p.put("Name", id);
        ArrayNode list = p.putArray("Domains");
        for (JsonNode d : domains) {
            list.add(d);
        }
        return this;
    }

    /** A DNS firewall rule group; {@code rules} are (domain list, priority, action) triples. */
    TestTemplate dnsRuleGroup(String id, Object... rules) {
        ObjectNode p = add(id, "AWS::Route53Resolver::FirewallRuleGroup");
        p.put("Name", id);
        ArrayNode list = p.putArray("FirewallRules");
        for (int i = 0; i < rules.length; i += 3) {
            ObjectNode rule = list.addObject();
            rule.set("FirewallDomainListId", getAtt((String) rules[i], "Id"));
            rule.put("Priority", (Integer) rules[i + 1]).put("Action", (String) rules[i + 2]);
            if ("BLOCK".equals(rules[i + 2])) {
                rule.put("BlockResponse", "NODATA");
            }
        }
        return this;
    }

    TestTemplate dnsAssociation(String id, String group, String vpc, int priority) {
        ObjectNode p = add(id, "AWS::Route53Resolver::FirewallRuleGroupAssociation");
        p.set("FirewallRuleGroupId", getAtt(group, "Id"));
        p.set("VpcId", ref(vpc));
        p.put("Priority", priority).put("Name", id);
        return this;
    }

    static JsonNode text(String s) {
        return F.textNode(s);
    }
}
