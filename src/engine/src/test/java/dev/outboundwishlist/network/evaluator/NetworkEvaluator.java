package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.network.evaluator.Network.Endpoint;
import dev.outboundwishlist.network.evaluator.Network.FirewallEndpoint;
import dev.outboundwishlist.network.evaluator.Network.Function;
import dev.outboundwishlist.network.evaluator.Network.RouteTable;
import dev.outboundwishlist.network.evaluator.Network.SecurityGroup;
import dev.outboundwishlist.network.evaluator.Network.SgRule;
import dev.outboundwishlist.network.evaluator.Network.Subnet;
import dev.outboundwishlist.network.evaluator.Network.Vpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Test-side model of the network an expanded template builds, answering reachability questions
 * about Lambda functions in a VPC. It reads resources by type and properties (see {@link Cfn}),
 * never by logical-id names, and is independent of the generator's code.
 *
 * <p>Flows start at an address of the function's subnet (any address: a Lambda ENI may get any
 * one, so CIDR tests on the source require the whole subnet CIDR). Lambda ENIs have no public
 * IP: an internet gateway reached before a NAT gateway does not reach the internet. Security
 * groups: union of the function's groups' egress; an absent or empty SecurityGroupEgress keeps
 * EC2's allow-all rule (CloudFormation's behaviour). Routing: longest prefix match over the
 * subnet's table (its SubnetRouteTableAssociation, else the VPC's main table with only the local
 * route) plus the implicit local route(s). NAT gateway: continue in its subnet's table; it must
 * have an EIP allocation, and the internet gateway must be attached to the VPC. Firewall endpoint:
 * {@link FirewallInspector} decides, then its subnet's table continues; the NAT subnet's table
 * must send the source subnet back through the same firewall endpoints (in reverse), otherwise
 * the path is asymmetric and fails.
 *
 * <p>Not modelled: network ACLs (the default NACL allows everything), IPv6, public IP ranges of
 * AWS services (prefix-list routes never match a public IPv4 in {@link #reach}), transit/peering
 * and other route targets (they fail), IGW ingress routing (a firewall placed after the NAT
 * fails), stateless Network Firewall rule groups, resource Conditions.
 */
public final class NetworkEvaluator {

    /** The single key of a {@link Reach} for a function outside any VPC. */
    public static final String NO_VPC = "(no VPC)";

    /** Prefix lists of the S3 and DynamoDB gateway endpoints where known; others via {@link #withPrefixList}. */
    private static final Map<String, Map<String, String>> PREFIX_LISTS = Map.of(
            "us-east-1", Map.of("s3", "pl-63a5400a", "dynamodb", "pl-02cd2c6b"),
            "us-west-2", Map.of("s3", "pl-68a54001", "dynamodb", "pl-00a54069"),
            "eu-west-1", Map.of("s3", "pl-6da54004", "dynamodb", "pl-6fa54006"));

    /** Endpoint service name -> first label of its regional host name, where they differ. */
    private static final Map<String, String> HOST = Map.of(
            "kinesis-streams", "kinesis", "kinesis-firehose", "firehose", "ecr.api", "api.ecr",
            "sagemaker.runtime", "runtime.sagemaker");

    private static final Cidr EVERYWHERE = Cidr.parse("0.0.0.0/0");
    private static final SgRule ALLOW_ALL = new SgRule("-1", 0, 65535, EVERYWHERE, null, null);

    /** Per-subnet answer; {@code why} explains each entry in a sentence. */
    public record Reach(Map<String, Boolean> bySubnet, Map<String, String> why) {

        public Reach {
            bySubnet = Collections.unmodifiableMap(new LinkedHashMap<>(bySubnet));
            why = Collections.unmodifiableMap(new LinkedHashMap<>(why));
        }

        public boolean fromAnySubnet() {
            return bySubnet.containsValue(true);
        }

        public boolean fromEverySubnet() {
            return !bySubnet.isEmpty() && !bySubnet.containsValue(false);
        }
    }

    private record Outcome(boolean ok, String why) {
        static Outcome fail(String why) {
            return new Outcome(false, why);
        }
    }

    private final Cfn cfn;
    private final Network net;
    private final FirewallInspector firewalls;
    private final ResolverFirewall resolver;
    private final Map<String, String> prefixLists;

    private NetworkEvaluator(Cfn cfn, Map<String, String> prefixLists) {
        this.cfn = cfn;
        this.net = new Network(cfn);
        this.firewalls = new FirewallInspector(cfn);
        this.resolver = new ResolverFirewall(cfn);
        this.prefixLists = prefixLists;
    }

    /** {@code region} and {@code accountId} resolve the AWS::Region / AWS::AccountId pseudo parameters. */
    public static NetworkEvaluator of(JsonNode template, String region, String accountId) {
        return new NetworkEvaluator(new Cfn(template, region, accountId),
                new HashMap<>(PREFIX_LISTS.getOrDefault(region, Map.of())));
    }

    /** The same evaluator, told the id of the gateway endpoint prefix list of {@code service} ("s3", "dynamodb"). */
    public NetworkEvaluator withPrefixList(String service, String prefixListId) {
        Map<String, String> lists = new HashMap<>(prefixLists);
        lists.put(service, prefixListId);
        return new NetworkEvaluator(cfn, lists);
    }

    /**
     * Can a {@code protocol} (tcp|udp) flow from the function reach the public {@code ipv4} on
     * {@code port}? {@code serverName} is the TLS SNI or HTTP Host the client sends (null when
     * neither): a tcp flow with a server name is TLS, except on port 80 where it is HTTP.
     */
    public Reach reach(String functionId, String protocol, String ipv4, int port, String serverName) {
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException("protocol must be tcp or udp: " + protocol);
        }
        Cidr destination = Cidr.parse(ipv4 + "/32");
        Function function = function(functionId);
        if (!function.inVpc()) {
            return single(true, "function is not in a VPC: its egress is unrestricted");
        }
        String target = ipv4 + " " + protocol + "/" + port;
        return perSubnet(function, subnet -> {
            Outcome groups = egress(function, subnet, r -> r.covers(protocol, port) && r.cidr() != null
                    && r.cidr().contains(destination), "to " + target);
            if (!groups.ok()) {
                return groups;
            }
            String application = protocol.equals("tcp") && serverName != null ? (port == 80 ? "http" : "tls") : null;
            return route(subnet, new SuricataRule.Flow(protocol, subnet.cidr(), destination, port, serverName, application));
        });
    }

    /**
     * Can the function call AWS {@code service} (an endpoint name such as "sqs", "s3",
     * "kinesis-streams") in this Region privately, through a VPC endpoint? HTTPS (tcp/443) is
     * assumed. The regional name must resolve; an interface endpoint with private DNS takes the
     * name, except that for a service that also has a gateway endpoint in the VPC the gateway is
     * used unless DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint is false (AWS's default).
     * Every endpoint ENI must be reachable, because the name resolves to all of them.
     */
    public Reach reachService(String functionId, String service) {
        Function function = function(functionId);
        if (!function.inVpc()) {
            return single(true, "function is not in a VPC: it calls the public endpoint");
        }
        String serviceName = "com.amazonaws." + cfn.region() + "." + service;
        String host = HOST.getOrDefault(service, service) + "." + cfn.region() + ".amazonaws.com";
        return perSubnet(function, subnet -> {
            Outcome dns = resolve(subnet.vpc(), host);
            if (!dns.ok()) {
                return dns;
            }
            List<Endpoint> here = net.endpoints.values().stream()
                    .filter(e -> serviceName.equals(e.serviceName()) && subnet.vpc().equals(e.vpc())).toList();
            List<Endpoint> gateways = here.stream().filter(e -> e.type().equals("Gateway")).toList();
            List<Endpoint> interfaces = here.stream().filter(e -> e.type().equals("Interface")).toList();
            Endpoint privateDns = interfaces.stream().filter(Endpoint::privateDns)
                    .filter(e -> gateways.isEmpty() || Boolean.FALSE.equals(e.privateDnsOnlyForInbound()))
                    .findFirst().orElse(null);
            if (privateDns != null) {
                return viaInterface(function, subnet, privateDns, host);
            }
            if (!gateways.isEmpty()) {
                return viaGateway(function, subnet, service, gateways);
            }
            if (!interfaces.isEmpty()) {
                return Outcome.fail("interface endpoint " + interfaces.get(0).id() + " for " + serviceName
                        + " has PrivateDnsEnabled false: " + host + " resolves to public addresses");
            }
            return Outcome.fail("no VPC endpoint for " + serviceName + " in " + subnet.vpc());
        });
    }

    /** Would the VPC resolver answer a query for {@code name} from the function? */
    public boolean canResolve(String functionId, String name) {
        Function function = function(functionId);
        if (!function.inVpc()) {
            return true;
        }
        String vpc = function.subnets().stream().map(net.subnets::get).filter(s -> s != null && s.vpc() != null)
                .map(Subnet::vpc).findFirst().orElse(null);
        return resolve(vpc, name).ok();
    }

    /**
     * Does the policy of every VPC endpoint for {@code service} (any VPC) allow this stack's own
     * principals the ordinary requests to resources of {@code account}? An endpoint without
     * PolicyDocument allows everything.
     */
    public boolean endpointAllowsAccount(String service, String account) {
        return endpointAllows(service, account, cfn.accountId());
    }

    /** Does some VPC endpoint for {@code service} let this stack's principals make {@code action} on its own resources? */
    public boolean endpointAllowsOwnCall(String service, String action) {
        return endpoints(service).stream().anyMatch(e -> EndpointPolicy.allowsCall(e.policy(), service, action,
                cfn.accountId(), cfn.accountId()));
    }

    /** Requests made without AWS credentials (no principal account), to {@code account}'s resources. */
    public boolean endpointAllowsAnonymous(String service, String account) {
        return endpointAllows(service, account, null);
    }

    /** Requests made with another account's credentials, to that account's resources. */
    public boolean endpointAllowsForeignPrincipal(String service, String account) {
        return endpointAllows(service, account, account);
    }

    private boolean endpointAllows(String service, String account, String principalAccount) {
        return endpoints(service).stream().allMatch(e -> EndpointPolicy.allowsAccount(e.policy(), service, account,
                principalAccount));
    }

    private List<Endpoint> endpoints(String service) {
        String serviceName = "com.amazonaws." + cfn.region() + "." + service;
        List<Endpoint> endpoints = net.endpoints.values().stream().filter(e -> serviceName.equals(e.serviceName())).toList();
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no VPC endpoint for " + serviceName);
        }
        return endpoints;
    }

    // ---- per subnet -------------------------------------------------------------------------

    private interface SubnetQuestion {
        Outcome ask(Subnet subnet);
    }

    private Reach perSubnet(Function function, SubnetQuestion question) {
        Map<String, Boolean> by = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (String id : function.subnets()) {
            Subnet subnet = net.subnets.get(id);
            Outcome outcome;
            if (subnet == null) {
                outcome = Outcome.fail(id + " is not an AWS::EC2::Subnet of the template");
            } else if (subnet.cidr() == null || !net.vpcs.containsKey(subnet.vpc())) {
                outcome = Outcome.fail("subnet " + id + " has no literal CidrBlock or no VPC of the template");
            } else {
                outcome = question.ask(subnet);
            }
            by.put(id, outcome.ok());
            why.put(id, outcome.why());
        }
        return new Reach(by, why);
    }

    private static Reach single(boolean ok, String why) {
        return new Reach(Map.of(NO_VPC, ok), Map.of(NO_VPC, why));
    }

    private Function function(String id) {
        Function function = net.functions.get(id);
        if (function == null) {
            throw new IllegalArgumentException(id + " is not a function of the template; functions: " + net.functions.keySet());
        }
        return function;
    }

    // ---- security groups --------------------------------------------------------------------

    /** Whether some egress rule of the function's groups satisfies {@code allows}. */
    private Outcome egress(Function function, Subnet subnet, Predicate<SgRule> allows, String what) {
        List<SecurityGroup> groups = new ArrayList<>();
        for (String id : function.groups()) {
            SecurityGroup group = net.groups.get(id);
            if (group == null) {
                return Outcome.fail(id + " is not an AWS::EC2::SecurityGroup of the template");
            }
            if (!subnet.vpc().equals(group.vpc())) {
                return Outcome.fail("security group " + id + " is not in " + subnet.vpc());
            }
            groups.add(group);
        }
        if (groups.isEmpty()) {
            return Outcome.fail("the function has no security groups");
        }
        for (SecurityGroup group : groups) {
            List<SgRule> rules = group.defaultEgress() ? List.of(ALLOW_ALL) : group.egress();
            if (rules.stream().anyMatch(allows)) {
                return new Outcome(true, "security group " + group.id() + " allows egress " + what);
            }
        }
        return Outcome.fail("security group" + (groups.size() > 1 ? "s " : " ")
                + String.join(", ", function.groups()) + (groups.size() > 1 ? " have" : " has") + " no egress " + what);
    }

    // ---- routing ----------------------------------------------------------------------------

    /** A route table, or why there is none usable. */
    private record Table(RouteTable table, String problem) {
    }

    private Table tableOf(Subnet subnet) {
        List<String> associated = net.associations.getOrDefault(subnet.id(), List.of());
        if (associated.isEmpty()) {
            return new Table(new RouteTable("(main route table of " + subnet.vpc() + ")", subnet.vpc(), List.of()), null);
        }
        if (associated.size() > 1) {
            return new Table(null, "subnet " + subnet.id() + " has " + associated.size() + " route table associations");
        }
        RouteTable table = net.routeTables.get(associated.get(0));
        if (!subnet.vpc().equals(table.vpc())) {
            return new Table(null, "route table " + table.id() + " of subnet " + subnet.id() + " is not in " + subnet.vpc());
        }
        return new Table(table, null);
    }

    /** The route for every address of {@code block}, or null when none or when the block is split. */
    private Network.Route lookup(RouteTable table, Cidr block) {
        List<Network.Route> routes = new ArrayList<>();
        for (Cidr local : net.vpcs.get(table.vpc()).cidrs()) {
            routes.add(new Network.Route(local, new Network.Local()));
        }
        routes.addAll(table.routes());
        Network.Route best = null;
        for (Network.Route r : routes) {
            if (r.destination().contains(block) && (best == null || r.destination().prefix() > best.destination().prefix())) {
                best = r;
            }
        }
        for (Network.Route r : routes) {
            if (block.contains(r.destination()) && r.destination().prefix() > block.prefix()
                    && (best == null || !r.target().equals(best.target()))) {
                return null; // part of the block goes elsewhere
            }
        }
        return best;
    }

    private Outcome route(Subnet source, SuricataRule.Flow flow) {
        Vpc vpc = net.vpcs.get(source.vpc());
        String destination = flow.destination().toString().replace("/32", "");
        Table start = tableOf(source);
        if (start.problem() != null) {
            return Outcome.fail(start.problem());
        }
        RouteTable table = start.table();
        List<FirewallEndpoint> traversed = new ArrayList<>();
        List<String> trail = new ArrayList<>();
        Subnet natSubnet = null;
        Set<String> visited = new HashSet<>();
        while (true) {
            if (!visited.add(table.id() + (natSubnet != null))) {
                return Outcome.fail("routing loop through route table " + table.id());
            }
            Network.Route r = lookup(table, flow.destination());
            if (r == null) {
                return Outcome.fail("route table " + table.id() + " has no route for " + destination);
            }
            trail.add(table.id());
            if (r.target() instanceof Network.Local) {
                return Outcome.fail("route table " + table.id() + " routes " + destination
                        + " locally (inside the VPC), not to the internet");
            } else if (r.target() instanceof Network.InternetGateway igw) {
                if (!net.attachments.getOrDefault(igw.id(), Set.of()).contains(vpc.id())) {
                    return Outcome.fail("internet gateway " + igw.id() + " is not attached to " + vpc.id());
                }
                if (natSubnet == null) {
                    return Outcome.fail("route table " + table.id() + " sends " + destination + " to internet gateway "
                            + igw.id() + ", but a Lambda ENI has no public IP (no NAT gateway on the path)");
                }
                Outcome back = returnPath(natSubnet, source, traversed);
                if (!back.ok()) {
                    return back;
                }
                trail.add("internet gateway " + igw.id());
                return new Outcome(true, "reaches " + destination + " via " + String.join(" -> ", trail));
            } else if (r.target() instanceof Network.NatGateway natTarget) {
                Network.Nat nat = net.nats.get(natTarget.id());
                if (natSubnet != null) {
                    return Outcome.fail("route table " + table.id() + " sends NAT-translated traffic to another NAT gateway "
                            + nat.id() + " (not modelled)");
                }
                if (nat.problem() != null) {
                    return Outcome.fail(nat.problem());
                }
                natSubnet = net.subnets.get(nat.subnet());
                if (natSubnet == null || !vpc.id().equals(natSubnet.vpc())) {
                    return Outcome.fail("NAT gateway " + nat.id() + " is not in a subnet of " + vpc.id());
                }
                Table next = tableOf(natSubnet);
                if (next.problem() != null) {
                    return Outcome.fail(next.problem());
                }
                trail.add("NAT gateway " + nat.id());
                table = next.table();
            } else if (r.target() instanceof FirewallEndpoint endpoint) {
                Outcome through = throughFirewall(endpoint, vpc, flow, natSubnet);
                if (!through.ok()) {
                    return through;
                }
                Table next = tableOf(net.subnets.get(endpoint.subnet()));
                if (next.problem() != null) {
                    return Outcome.fail(next.problem());
                }
                traversed.add(endpoint);
                trail.add(through.why());
                table = next.table();
            } else {
                return Outcome.fail("route table " + table.id() + " sends " + destination + " to "
                        + ((Network.Unsupported) r.target()).description() + " (not modelled)");
            }
        }
    }

    private Outcome throughFirewall(FirewallEndpoint endpoint, Vpc vpc, SuricataRule.Flow flow, Subnet natSubnet) {
        Network.Firewall firewall = net.firewalls.get(endpoint.firewall());
        if (firewall == null || !vpc.id().equals(firewall.vpc())) {
            return Outcome.fail("firewall " + endpoint.firewall() + " is not a firewall in " + vpc.id());
        }
        if (firewall.subnets().size() != 1) {
            return Outcome.fail("firewall " + firewall.id() + " has " + firewall.subnets().size()
                    + " subnet mappings; the order of its EndpointIds is unspecified");
        }
        if (natSubnet != null) {
            return Outcome.fail("firewall " + firewall.id() + " is after NAT gateway on the path: replies from the "
                    + "internet gateway would bypass it (ingress routing not modelled)");
        }
        Subnet home = net.subnets.get(endpoint.subnet());
        if (home == null || !vpc.id().equals(home.vpc())) {
            return Outcome.fail("firewall " + firewall.id() + " is not mapped to a subnet of " + vpc.id());
        }
        FirewallInspector.Verdict verdict = firewalls.inspect(firewall, vpc.cidrs(), flow);
        return new Outcome(verdict.passed(), verdict.why());
    }

    /** Replies come back from the NAT gateway: they must cross the same firewall endpoints, reversed. */
    private Outcome returnPath(Subnet natSubnet, Subnet source, List<FirewallEndpoint> outbound) {
        List<FirewallEndpoint> expected = new ArrayList<>(outbound);
        Collections.reverse(expected);
        List<FirewallEndpoint> back = new ArrayList<>();
        RouteTable table = tableOf(natSubnet).table();
        Set<String> visited = new HashSet<>();
        while (visited.add(table.id())) {
            Network.Route r = lookup(table, source.cidr());
            if (r == null) {
                return Outcome.fail("asymmetric return path: route table " + table.id() + " has no single route back to "
                        + source.cidr() + expectation(expected));
            }
            if (r.target() instanceof Network.Local) {
                break;
            }
            if (!(r.target() instanceof FirewallEndpoint endpoint)) {
                return Outcome.fail("asymmetric return path: route table " + table.id() + " sends " + source.cidr()
                        + " to " + describe(r.target()) + expectation(expected));
            }
            back.add(endpoint);
            Subnet firewallSubnet = net.subnets.get(endpoint.subnet());
            if (firewallSubnet == null) {
                return Outcome.fail("firewall " + endpoint.firewall() + " is not mapped to a subnet of the template");
            }
            Table next = tableOf(firewallSubnet);
            if (next.problem() != null) {
                return Outcome.fail(next.problem());
            }
            table = next.table();
        }
        if (!back.equals(expected)) {
            return Outcome.fail("asymmetric return path: replies to " + source.cidr() + " from the NAT gateway's route table "
                    + tableOf(natSubnet).table().id() + " cross " + names(back) + expectation(expected));
        }
        return new Outcome(true, "return path symmetric");
    }

    private static String describe(Network.Target target) {
        if (target instanceof Network.InternetGateway igw) {
            return "internet gateway " + igw.id();
        }
        if (target instanceof Network.NatGateway nat) {
            return "NAT gateway " + nat.id();
        }
        return target instanceof Network.Unsupported u ? u.description() : target.toString();
    }

    private static String expectation(List<FirewallEndpoint> expected) {
        return expected.isEmpty() ? "" : " instead of " + names(expected);
    }

    private static String names(List<FirewallEndpoint> endpoints) {
        return endpoints.isEmpty() ? "no firewall" : "firewall " + String.join(", ",
                endpoints.stream().map(FirewallEndpoint::firewall).toList());
    }

    // ---- services ---------------------------------------------------------------------------

    private Outcome viaGateway(Function function, Subnet subnet, String service, List<Endpoint> gateways) {
        Table table = tableOf(subnet);
        if (table.problem() != null) {
            return Outcome.fail(table.problem());
        }
        Endpoint endpoint = gateways.stream().filter(e -> e.routeTables().contains(table.table().id())).findFirst().orElse(null);
        if (endpoint == null) {
            return Outcome.fail("route table " + table.table().id() + " has no route to a gateway endpoint for " + service
                    + " (RouteTableIds of " + gateways.stream().map(Endpoint::id).toList() + ")");
        }
        String prefixList = prefixLists.get(service);
        Outcome groups = egress(function, subnet, r -> r.covers("tcp", 443)
                && (r.cidr() != null && r.cidr().prefix() == 0 || r.prefixList() != null && r.prefixList().equals(prefixList)),
                "to the " + service + " prefix list " + (prefixList == null ? "(id unknown in " + cfn.region()
                        + "; use withPrefixList)" : prefixList) + " tcp/443");
        if (!groups.ok()) {
            return groups;
        }
        return new Outcome(true, "reaches " + service + " via gateway endpoint " + endpoint.id() + " (route table "
                + table.table().id() + "; " + groups.why() + ")");
    }

    private Outcome viaInterface(Function function, Subnet subnet, Endpoint endpoint, String host) {
        Vpc vpc = net.vpcs.get(subnet.vpc());
        if (!vpc.dnsHostnames()) {
            return Outcome.fail("private DNS of endpoint " + endpoint.id() + " needs EnableDnsHostnames on " + vpc.id());
        }
        if (endpoint.subnets().isEmpty()) {
            return Outcome.fail("interface endpoint " + endpoint.id() + " has no subnets");
        }
        if (endpoint.groups().isEmpty()) {
            return Outcome.fail("interface endpoint " + endpoint.id() + " has no SecurityGroupIds (the VPC default group "
                    + "admits only its own members)");
        }
        Table table = tableOf(subnet);
        if (table.problem() != null) {
            return Outcome.fail(table.problem());
        }
        for (String id : endpoint.subnets()) {
            Subnet eni = net.subnets.get(id);
            if (eni == null || eni.cidr() == null || !vpc.id().equals(eni.vpc())) {
                return Outcome.fail("endpoint " + endpoint.id() + " subnet " + id + " is not a subnet of " + vpc.id());
            }
            Network.Route r = lookup(table.table(), eni.cidr());
            if (r == null || !(r.target() instanceof Network.Local)) {
                return Outcome.fail("route table " + table.table().id() + " does not route endpoint subnet " + id + " locally");
            }
            Outcome out = egress(function, subnet, rule -> rule.covers("tcp", 443)
                    && (rule.group() != null && endpoint.groups().contains(rule.group())
                    || rule.cidr() != null && rule.cidr().contains(eni.cidr())),
                    "to endpoint " + endpoint.id() + " in " + id + " tcp/443");
            if (!out.ok()) {
                return out;
            }
            boolean admitted = endpoint.groups().stream().map(net.groups::get).filter(g -> g != null)
                    .flatMap(g -> g.ingress().stream())
                    .anyMatch(rule -> rule.covers("tcp", 443) && (rule.cidr() != null && rule.cidr().contains(subnet.cidr())
                            || rule.group() != null && function.groups().contains(rule.group())));
            if (!admitted) {
                return Outcome.fail("endpoint security group(s) " + String.join(", ", endpoint.groups())
                        + " admit no tcp/443 from " + subnet.cidr() + " or the function's groups");
            }
        }
        return new Outcome(true, "reaches " + host + " via interface endpoint " + endpoint.id());
    }

    private Outcome resolve(String vpcId, String name) {
        Vpc vpc = net.vpcs.get(vpcId);
        if (vpc == null) {
            return Outcome.fail("no VPC of the template");
        }
        if (!vpc.dnsSupport()) {
            return Outcome.fail(vpc.id() + " has EnableDnsSupport false: the VPC resolver does not answer");
        }
        ResolverFirewall.Answer answer = resolver.resolve(vpc.id(), name);
        return new Outcome(answer.resolved(), (answer.resolved() ? name + " resolves: " : name + " is not resolved: ")
                + answer.why());
    }
}
