package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.network.NetworkPlan.Egress;
import dev.outboundwishlist.network.NetworkPlan.Profile;
import dev.outboundwishlist.network.NetworkPlan.Subnet;
import dev.outboundwishlist.network.NetworkPlan.Zone;
import dev.outboundwishlist.template.Descriptions;

import static dev.outboundwishlist.template.Intrinsics.getAtt;
import static dev.outboundwishlist.template.Intrinsics.ref;
import static dev.outboundwishlist.template.Intrinsics.sub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes a {@link NetworkPlan} as CloudFormation (DESIGN §2.1): the shared VPC and its subnets,
 * route tables, NAT gateways, firewalls, endpoints and DNS Firewall at the end of Resources, and
 * each function's security group right after the function.
 */
final class NetworkWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int RULE_GROUP_CAPACITY = 1000;
    private static final int RULE_GROUP_DESCRIPTION_LIMIT = 512;
    private static final int GROUP_DESCRIPTION_LIMIT = 255;

    private final ExpansionContext context;
    private final NetworkPlan plan;
    private final Settings.Network settings;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> natByZone = new LinkedHashMap<>();
    private final Map<String, String> firewallByZone = new LinkedHashMap<>();
    private final List<String> privateRouteTables = new ArrayList<>();
    private Optional<String> sharedCondition = Optional.empty();
    /** The conditions of all fenced functions: what shares them exists with the shared network. */
    private Optional<Set<String>> everyCondition = Optional.empty();
    /** What is needed by the same conditional functions shares one condition. */
    private final Map<Set<String>, Optional<String>> conditionsBySet = new HashMap<>();
    /** The condition of what is being written: the shared network's, or a narrower one. */
    private Optional<String> scope = Optional.empty();
    /** Route tables whose condition is narrower than the shared network's. */
    private final Map<String, String> tableConditions = new HashMap<>();

    NetworkWriter(ExpansionContext context, NetworkPlan plan) {
        this.context = context;
        this.plan = plan;
        this.settings = context.settings().network();
    }

    void write() {
        sharedCondition = NetworkConditions.shared(context, plan);
        everyCondition = NetworkConditions.conditionsOf(context,
                plan.functions().stream().map(NetworkPlan.Function::id).toList());
        scope = sharedCondition;
        if (plan.existingVpc().isPresent()) {
            writeIntoExistingVpc(plan.existingVpc().get());
            return;
        }
        String vpc = add("Vpc", resource("AWS::EC2::VPC", props -> {
            props.put("CidrBlock", plan.vpcCidr());
            props.put("EnableDnsSupport", true);
            props.put("EnableDnsHostnames", true);
            ObjectNode name = props.putArray("Tags").addObject();
            name.put("Key", "Name");
            name.putObject("Value").put("Fn::Sub", "${AWS::StackName}-fenced");
        }));
        // NAT, firewalls and a profile's own subnets cost by the hour or serve some functions only:
        // each exists exactly when a function that uses it does.
        within(conditionOf(functions(p -> p.egress() != Egress.NONE)), () -> {
            String attachment = plan.needsInternet() ? internetGateway(vpc) : null;
            for (Subnet subnet : plan.natSubnets()) {
                natGateway(vpc, subnet, attachment);
            }
        });
        within(conditionOf(functions(p -> p.egress() == Egress.FIREWALL)), () -> {
            for (Subnet subnet : plan.firewallSubnets()) {
                firewallSubnet(vpc, subnet);
            }
            if (!plan.firewallSubnets().isEmpty()) {
                firewalls(vpc);
            }
        });
        for (Profile profile : plan.profiles()) {
            within(conditionOf(functions(p -> p == profile)), () -> {
                profileSubnets(vpc, profile);
                returnRoutes(profile);
            });
        }
        gatewayEndpoints(vpc);
        String endpointGroup = null;
        if (!plan.interfaceEndpoints().isEmpty()) {
            ArrayNode subnets = NODES.arrayNode();
            for (Subnet subnet : plan.endpointSubnets()) {
                subnets.add(ref(subnet(vpc, "EndpointSubnet" + subnet.zone().letter(), subnet)));
            }
            ObjectNode fromVpc = NODES.objectNode().put("CidrIp", plan.vpcCidr());
            endpointGroup = interfaceEndpoints(ref(vpc), subnets, fromVpc);
        }
        if (plan.dnsFirewall()) {
            dnsFirewall(vpc);
        }
        if (settings.flowLogs()) {
            flowLogs(vpc);
        }
        for (NetworkPlan.Function function : plan.functions()) {
            ArrayNode subnets = NODES.arrayNode();
            function.profile().subnets().forEach(s -> subnets.add(ref(ids.get(function.profile().name() + "Subnet"
                    + s.zone().letter()))));
            fence(ref(vpc), function, subnets, endpointGroup == null ? null : ref(endpointGroup), null);
        }
    }

    /**
     * In the user's VPC: each function's security group, and the interface endpoints when asked.
     * The endpoints admit HTTPS from a member group every fenced function joins, since the VPC's
     * block is not known here (and naming each function's group would make a reference cycle).
     */
    private void writeIntoExistingVpc(Settings.ExistingVpc existing) {
        JsonNode vpc = existing.vpcId();
        JsonNode endpointGroup = existing.endpointSecurityGroupId().orElse(null);
        JsonNode members = null;
        if (existing.endpointSubnetIds().isPresent() && !plan.interfaceEndpoints().isEmpty()) {
            members = ref(add("FencedFunctions", resource("AWS::EC2::SecurityGroup", props -> {
                props.put("GroupDescription", "Fenced functions: the VPC endpoints admit HTTPS from its members");
                props.set("VpcId", vpc.deepCopy());
                props.putArray("SecurityGroupEgress").add(SecurityGroupRules.noTraffic());
            })));
            ObjectNode fromMembers = NODES.objectNode().set("SourceSecurityGroupId", members);
            endpointGroup = ref(interfaceEndpoints(vpc, existing.endpointSubnetIds().get(), fromMembers));
        }
        for (NetworkPlan.Function function : plan.functions()) {
            fence(vpc, function, plan.existingSubnets(function.profile()).orElseThrow(), endpointGroup, members);
        }
    }

    private String internetGateway(String vpc) {
        String gateway = add("InternetGateway", resource("AWS::EC2::InternetGateway", props -> { }));
        return add("InternetGatewayAttachment", resource("AWS::EC2::VPCGatewayAttachment", props -> {
            props.set("VpcId", ref(vpc));
            props.set("InternetGatewayId", ref(gateway));
        }));
    }

    /** A public subnet with a NAT gateway; its route table sends the internet to the gateway. */
    private void natGateway(String vpc, Subnet subnet, String attachment) {
        String letter = subnet.zone().letter();
        String id = subnet(vpc, "NatSubnet" + letter, subnet);
        String table = routeTable(vpc, "NatRouteTable" + letter, List.of(id));
        ObjectNode route = route(table, "0.0.0.0/0", "GatewayId", ref(ids.get("InternetGateway")));
        route.putArray("DependsOn").add(attachment);
        add("NatRouteTable" + letter + "Internet", route);
        ObjectNode eip = resource("AWS::EC2::EIP", props -> props.put("Domain", "vpc"));
        eip.putArray("DependsOn").add(attachment);
        String address = add("NatAddress" + letter, eip);
        String nat = add("NatGateway" + letter, resource("AWS::EC2::NatGateway", props -> {
            props.set("AllocationId", getAtt(address, "AllocationId"));
            props.set("SubnetId", ref(id));
        }));
        natByZone.put(letter, nat);
    }

    /** The NAT gateway that serves a zone: its own, or the single one. */
    private String natFor(Zone zone) {
        return natByZone.getOrDefault(zone.letter(), natByZone.values().iterator().next());
    }

    private void firewallSubnet(String vpc, Subnet subnet) {
        String letter = subnet.zone().letter();
        String id = subnet(vpc, "FirewallSubnet" + letter, subnet);
        String table = routeTable(vpc, "FirewallRouteTable" + letter, List.of(id));
        add("FirewallRouteTable" + letter + "Nat", route(table, "0.0.0.0/0", "NatGatewayId",
                ref(natFor(subnet.zone()))));
    }

    /**
     * A Network Firewall name unique in the account and Region: the stack id's UUID, not the stack
     * name, which may be 128 characters alone (a nested stack's often is) where a name may have 128.
     */
    private static ObjectNode stackUniqueName(String suffix) {
        ObjectNode stackUuid = NODES.objectNode();
        stackUuid.putArray("Fn::Select").add(2).addObject().putArray("Fn::Split").add("/").add(ref("AWS::StackId"));
        ObjectNode join = NODES.objectNode();
        join.putArray("Fn::Join").add("-").addArray().add("outboundwishlist-" + suffix).add(stackUuid);
        return join;
    }

    /** One policy; one rule group per profile that names domains; one firewall per zone. */
    private void firewalls(String vpc) {
        ArrayNode references = NODES.arrayNode();
        int priority = 0;
        for (Profile profile : plan.profiles()) {
            if (profile.egress() != Egress.FIREWALL) {
                continue;
            }
            priority++;
            int firstSid = priority * 10000 + 1;
            String group = add("FirewallRules" + profile.name(), resource("AWS::NetworkFirewall::RuleGroup", props -> {
                props.set("RuleGroupName", stackUniqueName(profile.name().toLowerCase()));
                props.put("Type", "STATEFUL");
                int rules = FirewallRules.count(profile);
                props.put("Capacity", Math.max(RULE_GROUP_CAPACITY,
                        (rules + RULE_GROUP_CAPACITY - 1) / RULE_GROUP_CAPACITY * RULE_GROUP_CAPACITY));
                props.put("Description", Descriptions.listing(RULE_GROUP_DESCRIPTION_LIMIT, "Destinations ",
                        profile.functionIds(), " may reach"));
                ObjectNode body = props.putObject("RuleGroup");
                ArrayNode homeNet = body.putObject("RuleVariables").putObject("IPSets").putObject("HOME_NET")
                        .putArray("Definition");
                profile.subnets().forEach(s -> homeNet.add(s.cidr()));
                body.putObject("RulesSource").put("RulesString", FirewallRules.of(profile, firstSid));
                body.putObject("StatefulRuleOptions").put("RuleOrder", "STRICT_ORDER");
            }));
            ObjectNode reference = references.addObject();
            reference.set("ResourceArn", getAtt(group, "RuleGroupArn"));
            reference.put("Priority", priority);
        }
        String policy = add("FirewallPolicy", resource("AWS::NetworkFirewall::FirewallPolicy", props -> {
            props.set("FirewallPolicyName", stackUniqueName("egress"));
            props.set("Description", sub("Egress policy of the functions stack ${AWS::StackName} fences"));
            ObjectNode body = props.putObject("FirewallPolicy");
            body.putArray("StatelessDefaultActions").add("aws:forward_to_sfe");
            body.putArray("StatelessFragmentDefaultActions").add("aws:forward_to_sfe");
            body.putObject("StatefulEngineOptions").put("RuleOrder", "STRICT_ORDER");
            // Established flows no rule passes are dropped, so traffic that is neither TLS nor HTTP is too.
            body.putArray("StatefulDefaultActions").add("aws:drop_established").add("aws:alert_established");
            body.set("StatefulRuleGroupReferences", references);
        }));
        String logs = add("FirewallAlerts", resource("AWS::Logs::LogGroup",
                props -> props.put("RetentionInDays", 90)));
        for (Subnet subnet : plan.firewallSubnets()) {
            String letter = subnet.zone().letter();
            String firewall = add("Firewall" + letter, resource("AWS::NetworkFirewall::Firewall", props -> {
                props.set("FirewallName", stackUniqueName("egress-" + letter.toLowerCase()));
                props.set("Description", sub("Egress firewall of stack ${AWS::StackName} in zone " + letter.toLowerCase()));
                props.set("FirewallPolicyArn", getAtt(policy, "FirewallPolicyArn"));
                props.set("VpcId", ref(vpc));
                // One subnet per firewall, so its single endpoint id is known (EndpointIds is unordered).
                props.putArray("SubnetMappings").addObject().set("SubnetId", ref(ids.get("FirewallSubnet" + letter)));
            }));
            firewallByZone.put(letter, firewall);
            add("Firewall" + letter + "Logging", resource("AWS::NetworkFirewall::LoggingConfiguration", props -> {
                props.set("FirewallArn", getAtt(firewall, "FirewallArn"));
                ObjectNode destination = props.putObject("LoggingConfiguration").putArray("LogDestinationConfigs")
                        .addObject();
                destination.put("LogType", "ALERT");
                destination.put("LogDestinationType", "CloudWatchLogs");
                destination.putObject("LogDestination").set("logGroup", ref(logs));
            }));
        }
    }

    private void profileSubnets(String vpc, Profile profile) {
        List<String> subnets = new ArrayList<>();
        for (Subnet subnet : profile.subnets()) {
            subnets.add(subnet(vpc, profile.name() + "Subnet" + subnet.zone().letter(), subnet));
        }
        if (profile.isolated()) {
            // Local and gateway-endpoint routes only: this table is the fence.
            privateRouteTable(routeTable(vpc, profile.name() + "RouteTable", subnets));
            return;
        }
        for (int i = 0; i < subnets.size(); i++) {
            Zone zone = profile.subnets().get(i).zone();
            String table = routeTable(vpc, profile.name() + "RouteTable" + zone.letter(), List.of(subnets.get(i)));
            privateRouteTable(table);
            if (profile.egress() == Egress.FIREWALL) {
                add(profile.name() + "RouteTable" + zone.letter() + "Firewall", route(table, "0.0.0.0/0",
                        "VpcEndpointId", firewallEndpoint(firewallByZone.get(zone.letter()))));
            } else {
                add(profile.name() + "RouteTable" + zone.letter() + "Nat", route(table, "0.0.0.0/0", "NatGatewayId",
                        ref(natFor(zone))));
            }
        }
    }

    /** Replies to a firewalled subnet go back through the firewall that saw the request. */
    private void returnRoutes(Profile profile) {
        if (profile.egress() != Egress.FIREWALL) {
            return;
        }
        for (Subnet subnet : profile.subnets()) {
            String nat = natFor(subnet.zone());
            String natLetter = natByZone.entrySet().stream().filter(e -> e.getValue().equals(nat))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            add("NatRouteTable" + natLetter + "Return" + profile.name() + subnet.zone().letter(),
                    route(ids.get("NatRouteTable" + natLetter), subnet.cidr(), "VpcEndpointId",
                            firewallEndpoint(firewallByZone.get(subnet.zone().letter()))));
        }
    }

    /** A table the gateway endpoints route from; one that may not exist is named under its condition. */
    private void privateRouteTable(String table) {
        privateRouteTables.add(table);
        if (!scope.equals(sharedCondition)) {
            scope.ifPresent(condition -> tableConditions.put(table, condition));
        }
    }

    private static ObjectNode ifExists(String condition, JsonNode value) {
        ObjectNode fnIf = NODES.objectNode();
        fnIf.putArray("Fn::If").add(condition).add(value).add(ref("AWS::NoValue"));
        return fnIf;
    }

    private List<NetworkPlan.Function> functions(Predicate<Profile> profiles) {
        return plan.functions().stream().filter(f -> profiles.test(f.profile())).toList();
    }

    /** S3 and DynamoDB gateway endpoints cost nothing; security groups decide who uses them. */
    private void gatewayEndpoints(String vpc) {
        for (String service : new TreeSet<>(AwsServices.GATEWAY)) {
            add("Endpoint" + pascal(service), resource("AWS::EC2::VPCEndpoint", props -> {
                props.put("VpcEndpointType", "Gateway");
                props.set("ServiceName", sub("com.amazonaws.${AWS::Region}." + service));
                props.set("VpcId", ref(vpc));
                ArrayNode tables = props.putArray("RouteTableIds");
                privateRouteTables.forEach(t -> tables.add(tableConditions.containsKey(t)
                        ? ifExists(tableConditions.get(t), ref(t)) : ref(t)));
                policy(service, props);
            }));
        }
    }

    /**
     * @param source who may connect: {@code CidrIp} or {@code SourceSecurityGroupId}, merged into the ingress rule
     * @return the endpoints' security group
     */
    private String interfaceEndpoints(JsonNode vpc, JsonNode subnets, ObjectNode source) {
        String group = add("EndpointSecurityGroup", resource("AWS::EC2::SecurityGroup", props -> {
            props.put("GroupDescription", "VPC endpoints of the fenced functions: HTTPS from the "
                    + (source.has("CidrIp") ? "VPC" : "fenced functions"));
            props.set("VpcId", vpc.deepCopy());
            ObjectNode ingress = props.putArray("SecurityGroupIngress").addObject();
            ingress.put("IpProtocol", "tcp");
            ingress.put("FromPort", 443);
            ingress.put("ToPort", 443);
            ingress.setAll(source.deepCopy());
            ingress.put("Description", "HTTPS from the fenced functions");
            props.putArray("SecurityGroupEgress").add(SecurityGroupRules.noTraffic());
        }));
        for (NetworkPlan.Service service : plan.interfaceEndpoints()) {
            within(endpointCondition(service.name()), () -> add("Endpoint" + pascal(service.name()),
                    resource("AWS::EC2::VPCEndpoint", props -> {
                        props.put("VpcEndpointType", "Interface");
                        props.set("ServiceName", sub(service.namePrefix() + ".${AWS::Region}." + service.name()));
                        props.set("VpcId", vpc.deepCopy());
                        props.set("SubnetIds", subnets.deepCopy());
                        props.putArray("SecurityGroupIds").add(ref(group));
                        props.put("PrivateDnsEnabled", true);
                        if (service.takesPolicy()) {
                            policy(service.name(), props);
                        } else if (settings.endpointPolicy() == Settings.EndpointPolicy.OwnAccount) {
                            warnOfNoPolicy(service);
                        }
                    })));
        }
        return group;
    }

    private void policy(String service, ObjectNode props) {
        EndpointPolicies.of(service, settings).ifPresent(document -> props.set("PolicyDocument", document));
        if (settings.endpointPolicy() == Settings.EndpointPolicy.OwnAccount
                && !EndpointPolicies.boundsResources(service)) {
            plan.functions().stream().filter(f -> f.needs(service)).findFirst().ifPresent(f ->
                    context.diagnostics().report(DiagnosticCode.NETWORK_WEAKENED, f.access().path(), "the "
                            + service + " endpoint admits only this account's principals, but not only its "
                            + "resources (not every " + service + " call names a resource, so that limit would "
                            + "break calls): through it, the function's code can reach other accounts' "
                            + service + " resources as far as its role allows" + (service.equals("sts")
                            ? " (assume another account's role with data in the session name)" : "")
                            + "; grant the role only the resources it needs"));
        }
    }

    /**
     * AWS gives such an endpoint full access whatever policy it is given: none is written, so the
     * template claims no limit that does not hold.
     */
    private void warnOfNoPolicy(NetworkPlan.Service service) {
        plan.functions().stream().filter(f -> f.needs(service.name())).findFirst().ifPresent(f ->
                context.diagnostics().report(DiagnosticCode.NETWORK_WEAKENED, f.access().path(), "the "
                        + service.name() + " endpoint is written without an endpoint policy: EC2 says "
                        + service.endpointServiceName(context.environment().region()) + " takes none, so the "
                        + "endpoint admits any principal: through it, the function's code can call "
                        + service.name() + " with another account's credentials, or reach another account's "
                        + "resources; leave " + service.name() + " out of AwsServices and the function's "
                        + "permissions unless it is needed"));
    }

    /** Allowed: the AWS services the functions use and every allow-listed domain; then nothing else. */
    private void dnsFirewall(String vpc) {
        TreeSet<String> patterns = new TreeSet<>();
        for (NetworkPlan.Function function : plan.functions()) {
            function.services().forEach(s -> patterns.addAll(ServiceDomains.of(s.name())));
            for (OutboundAccess.AllowEntry entry : function.profile().entries()) {
                if (entry instanceof OutboundAccess.Domain domain) {
                    patterns.add((domain.wildcard() ? "*." : "") + domain.name());
                }
            }
        }
        ArrayNode rules = NODES.arrayNode();
        if (!patterns.isEmpty()) {
            String allowed = add("DnsAllowedDomains", resource("AWS::Route53Resolver::FirewallDomainList", props -> {
                props.put("Name", "outboundwishlist-allowed");
                ArrayNode domains = props.putArray("Domains");
                patterns.forEach(p -> domains.add(p.contains("${") ? sub(p) : NODES.textNode(p)));
            }));
            ObjectNode allow = dnsRule(allowed, 100, "ALLOW");
            // Allowed names often alias (CNAME) to names of the provider's choosing; follow them.
            allow.put("FirewallDomainRedirectionAction", "TRUST_REDIRECTION_DOMAIN");
            rules.add(allow);
        }
        String everything = add("DnsAllDomains", resource("AWS::Route53Resolver::FirewallDomainList", props -> {
            props.put("Name", "outboundwishlist-everything");
            props.putArray("Domains").add("*");
        }));
        ObjectNode block = dnsRule(everything, 200, "BLOCK");
        block.put("BlockResponse", "NODATA");
        rules.add(block);
        String group = add("DnsFirewall", resource("AWS::Route53Resolver::FirewallRuleGroup", props -> {
            props.put("Name", "outboundwishlist");
            props.set("FirewallRules", rules);
        }));
        add("DnsFirewallAssociation", resource("AWS::Route53Resolver::FirewallRuleGroupAssociation", props -> {
            props.set("FirewallRuleGroupId", getAtt(group, "Id"));
            props.set("VpcId", ref(vpc));
            props.put("Priority", 101);
            props.put("Name", "outboundwishlist");
        }));
    }

    private static ObjectNode dnsRule(String list, int priority, String action) {
        ObjectNode rule = NODES.objectNode();
        rule.set("FirewallDomainListId", getAtt(list, "Id"));
        rule.put("Priority", priority);
        rule.put("Action", action);
        return rule;
    }

    private void flowLogs(String vpc) {
        String logs = add("FlowLogs", resource("AWS::Logs::LogGroup", props -> props.put("RetentionInDays", 90)));
        String role = add("FlowLogsRole", resource("AWS::IAM::Role", props -> {
            ObjectNode trust = props.putObject("AssumeRolePolicyDocument");
            trust.put("Version", "2012-10-17");
            ObjectNode statement = trust.putArray("Statement").addObject();
            statement.put("Effect", "Allow");
            statement.putObject("Principal").put("Service", "vpc-flow-logs.amazonaws.com");
            statement.put("Action", "sts:AssumeRole");
            statement.putObject("Condition").putObject("StringEquals").putObject("aws:SourceAccount")
                    .put("Ref", "AWS::AccountId");
            ObjectNode policy = props.putArray("Policies").addObject();
            policy.put("PolicyName", "write-flow-logs");
            ObjectNode document = policy.putObject("PolicyDocument");
            document.put("Version", "2012-10-17");
            ObjectNode write = document.putArray("Statement").addObject();
            write.put("Sid", "WriteFlowLogs");
            write.put("Effect", "Allow");
            write.putArray("Action").add("logs:CreateLogStream").add("logs:PutLogEvents").add("logs:DescribeLogStreams");
            write.putArray("Resource").add(getAtt(logs, "Arn"));
        }));
        add("FlowLog", resource("AWS::EC2::FlowLog", props -> {
            props.set("ResourceId", ref(vpc));
            props.put("ResourceType", "VPC");
            props.put("TrafficType", "ALL");
            props.put("LogDestinationType", "cloud-watch-logs");
            props.set("LogGroupName", ref(logs));
            props.set("DeliverLogsPermissionArn", getAtt(role, "Arn"));
        }));
    }

    /**
     * The function's own security group, its VpcConfig, and the VPC-access policy on its template role.
     *
     * @param endpointGroup the interface endpoints' security group, or null when there are none
     * @param members       a group every fenced function joins, or null
     */
    private void fence(JsonNode vpc, NetworkPlan.Function function, JsonNode subnets, JsonNode endpointGroup,
                       JsonNode members) {
        ObjectNode group = resource("AWS::EC2::SecurityGroup", props -> {
            props.put("GroupDescription", Descriptions.naming(GROUP_DESCRIPTION_LIMIT, "Egress of ", function.id(),
                    " (OutboundNetworkAccess)"));
            props.set("VpcId", vpc.deepCopy());
            props.set("SecurityGroupEgress", SecurityGroupRules.egress(plan, function, endpointGroup));
        });
        String groupId = context.logicalIds().allocate(function.id(), "SecurityGroup");
        context.addResource(function.id(), groupId, NetworkConditions.conditional(group,
                NetworkConditions.of(context, function.id())));
        ObjectNode properties = ((ObjectNode) context.resources().get(function.id())).withObjectProperty("Properties");
        ObjectNode vpcConfig = NODES.objectNode();
        vpcConfig.set("SubnetIds", subnets.deepCopy());
        ArrayNode groups = vpcConfig.putArray("SecurityGroupIds").add(ref(groupId));
        if (members != null) {
            groups.add(members.deepCopy());
        }
        properties.set("VpcConfig", vpcConfig);
        FunctionRoles.grantVpcAccess(context, function.id(), properties);
    }

    private String subnet(String vpc, String name, Subnet subnet) {
        return add(name, resource("AWS::EC2::Subnet", props -> {
            props.set("VpcId", ref(vpc));
            props.put("CidrBlock", subnet.cidr());
            props.set("AvailabilityZone", subnet.zone().availabilityZone().deepCopy());
            props.put("MapPublicIpOnLaunch", false);
        }));
    }

    private String routeTable(String vpc, String name, List<String> subnets) {
        String table = add(name, resource("AWS::EC2::RouteTable", props -> props.set("VpcId", ref(vpc))));
        for (String subnet : subnets) {
            add(subnet.substring("Owl".length()) + "Routes", resource("AWS::EC2::SubnetRouteTableAssociation", props -> {
                props.set("SubnetId", ref(subnet));
                props.set("RouteTableId", ref(table));
            }));
        }
        return table;
    }

    private static ObjectNode route(String table, String destination, String targetKey, JsonNode target) {
        return resource("AWS::EC2::Route", props -> {
            props.set("RouteTableId", ref(table));
            props.put("DestinationCidrBlock", destination);
            props.set(targetKey, target);
        });
    }

    /** The endpoint id of a firewall with one subnet: "az:vpce-…" split at the colon. */
    private static JsonNode firewallEndpoint(String firewall) {
        ObjectNode split = NODES.objectNode();
        ArrayNode splitArgs = split.putArray("Fn::Split");
        splitArgs.add(":");
        ObjectNode first = splitArgs.addObject();
        ArrayNode firstArgs = first.putArray("Fn::Select");
        firstArgs.add(0);
        firstArgs.add(getAtt(firewall, "EndpointIds"));
        ObjectNode select = NODES.objectNode();
        ArrayNode args = select.putArray("Fn::Select");
        args.add(1);
        args.add(split);
        return select;
    }

    /** Adds a shared network resource at the end of Resources under a readable, unique id. */
    private String add(String name, ObjectNode resource) {
        String id = context.logicalIds().allocate(name);
        ids.put(name, id);
        context.addResource(null, id, NetworkConditions.conditional(resource, scope));
        return id;
    }

    /**
     * An interface endpoint costs by the hour and takes its service's name over in the VPC: it
     * exists exactly when a function that needs it does, which may be less often than the network.
     */
    private Optional<String> endpointCondition(String service) {
        return conditionOf(plan.functions().stream().filter(f -> f.needs(service)).toList());
    }

    /**
     * True exactly when one of these functions exists: the shared network's condition when they are
     * all the fenced functions' conditions, else their own (one condition, or a new Fn::Or).
     */
    private Optional<String> conditionOf(List<NetworkPlan.Function> functions) {
        List<String> ids = functions.stream().map(NetworkPlan.Function::id).toList();
        Optional<Set<String>> conditions = NetworkConditions.conditionsOf(context, ids);
        // No function: nothing is written under it.
        if (ids.isEmpty() || conditions.isEmpty() || conditions.equals(everyCondition)) {
            return sharedCondition;
        }
        // Named for what it says, such as OwlProdOrTest, since several parts may share it.
        return conditionsBySet.computeIfAbsent(conditions.get(),
                c -> NetworkConditions.anyOf(context, ids, String.join("Or", c)));
    }

    /** Writes with {@code condition} on every resource added meanwhile. */
    private void within(Optional<String> condition, Runnable write) {
        Optional<String> outer = scope;
        scope = condition;
        write.run();
        scope = outer;
    }

    private static ObjectNode resource(String type, java.util.function.Consumer<ObjectNode> properties) {
        ObjectNode resource = NODES.objectNode();
        resource.put("Type", type);
        ObjectNode props = resource.putObject("Properties");
        properties.accept(props);
        if (props.isEmpty()) {
            resource.remove("Properties");
        }
        return resource;
    }

    /** {@code kinesis-streams} → {@code KinesisStreams}, for readable logical ids. */
    private static String pascal(String service) {
        if (service.equals("dynamodb")) {
            return "DynamoDB";
        }
        StringBuilder out = new StringBuilder();
        for (String part : service.split("[-.]")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
