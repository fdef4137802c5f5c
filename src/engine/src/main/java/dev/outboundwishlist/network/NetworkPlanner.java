package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Lookups;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.network.NetworkPlan.Egress;
import dev.outboundwishlist.network.NetworkPlan.Function;
import dev.outboundwishlist.network.NetworkPlan.PrefixLists;
import dev.outboundwishlist.network.NetworkPlan.Profile;
import dev.outboundwishlist.network.NetworkPlan.Service;
import dev.outboundwishlist.network.NetworkPlan.Subnet;
import dev.outboundwishlist.network.NetworkPlan.Zone;
import dev.outboundwishlist.template.Intrinsics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides the network for a template's fenced functions (DESIGN §2.1), reporting what stands in
 * the way. Subnets are carved from the VPC block in fixed groups — NAT, firewall, endpoints, then
 * one group per profile — so adding a profile after the existing ones never renumbers them.
 */
final class NetworkPlanner {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** NAT, firewall, endpoints, isolated: fixed, so that adding an isolated profile moves nothing. */
    private static final int FIXED_GROUPS = 4;
    private static final int ISOLATED_GROUP = 3;

    private final ExpansionContext context;
    private final Settings.Network settings;

    NetworkPlanner(ExpansionContext context) {
        this.context = context;
        this.settings = context.settings().network();
    }

    /** The plan, or empty when something stands in the way (reported). */
    Optional<NetworkPlan> plan(List<FencedFunction> fenced) {
        Map<String, List<Service>> servicesByFunction = new LinkedHashMap<>();
        Map<String, List<String>> interfaceSources = new TreeMap<>();
        for (FencedFunction function : fenced) {
            List<Service> services = services(function);
            servicesByFunction.put(function.id(), services);
            for (Service service : services) {
                if (!AwsServices.GATEWAY.contains(service.name())) {
                    interfaceSources.computeIfAbsent(service.name(), k -> new ArrayList<>())
                            .addAll(service.sources().stream().map(s -> function.id() + ": " + s).toList());
                }
            }
        }
        Lookups.NetworkFacts facts = context.lookups().networkFacts(context.environment().region(),
                interfaceSources.keySet().stream().map(service -> new Service(service, List.of())
                        .endpointServiceName(context.environment().region())).toList());
        List<Service> endpoints = interfaceSources.entrySet().stream()
                .map(e -> endpoint(facts, e.getKey(), List.copyOf(e.getValue()))).toList();
        warnOfUncheckedNames(facts, endpoints, fenced);
        PrefixLists prefixLists = prefixLists(facts);
        if (settings.existingVpc().isPresent()) {
            return new ExistingVpcPlanner(context, settings.existingVpc().get())
                    .plan(fenced, servicesByFunction, endpoints, prefixLists);
        }
        Optional<List<Zone>> chosen = zones(facts, endpoints, fenced);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        List<Zone> zones = chosen.get();
        Map<List<OutboundAccess.AllowEntry>, List<FencedFunction>> byProfile = groupByProfile(fenced);
        Ipv4Block vpc = Ipv4Block.parse(settings.vpcCidr());
        warnOfUnreachablePrivateNetworks(fenced, vpc);
        int subnetPrefix = Math.min(vpc.prefix() + 6, 28);
        long allowLists = byProfile.keySet().stream().filter(entries -> !entries.isEmpty()).count();
        long needed = (FIXED_GROUPS + allowLists) * zones.size();
        if (needed > vpc.count(subnetPrefix)) {
            context.diagnostics().report(DiagnosticCode.NETWORK_DOES_NOT_FIT, TemplatePath.of("Metadata",
                    "OutboundWishlist", "Network", "VpcCidr"), "'" + settings.vpcCidr() + "' holds "
                    + vpc.count(subnetPrefix) + (vpc.count(subnetPrefix) == 1 ? " subnet" : " subnets") + " of /"
                    + subnetPrefix + ", but the network needs " + needed
                    + ": NAT, firewall, endpoint, isolated and " + allowLists + " allow-list subnet(s) in each of "
                    + zones.size() + " Availability Zones; use fewer zones or fewer distinct allow-lists"
                    + (vpc.prefix() > 16 ? ", or a larger block (a /16 holds 64 subnets)" : ""));
            return Optional.empty();
        }
        List<Profile> profiles = new ArrayList<>();
        int group = FIXED_GROUPS;
        int allowListNumber = 0;
        for (Map.Entry<List<OutboundAccess.AllowEntry>, List<FencedFunction>> entry : byProfile.entrySet()) {
            boolean isolated = entry.getValue().get(0).access().isolated();
            String name = isolated ? "Isolated" : "AllowList" + ++allowListNumber;
            Egress egress = isolated || onlyIpv6(entry.getKey()) ? Egress.NONE : hasDomains(entry.getKey())
                    && settings.domainEnforcement() == Settings.DomainEnforcement.NetworkFirewall
                    ? Egress.FIREWALL : Egress.NAT;
            int slot = isolated ? ISOLATED_GROUP : group++;
            profiles.add(new Profile(name, egress, entry.getKey(), subnets(vpc, subnetPrefix, slot, zones),
                    entry.getValue().stream().map(FencedFunction::id).toList()));
        }
        boolean firewall = profiles.stream().anyMatch(p -> p.egress() == Egress.FIREWALL);
        boolean internet = profiles.stream().anyMatch(p -> !p.isolated());
        int nats = !internet ? 0 : settings.natGateways() == Settings.NatGateways.Single ? 1 : zones.size();
        NetworkPlan plan = new NetworkPlan(settings.vpcCidr(), zones,
                subnets(vpc, subnetPrefix, 0, zones.subList(0, nats)),
                firewall ? subnets(vpc, subnetPrefix, 1, zones) : List.of(),
                endpoints.isEmpty() ? List.of() : subnets(vpc, subnetPrefix, 2, zones),
                List.copyOf(profiles), functions(fenced, profiles, servicesByFunction), endpoints, prefixLists,
                settings.dnsFirewall(), Optional.empty());
        return gatewayAccessPossible(plan) ? Optional.of(plan) : Optional.empty();
    }

    /** The allow-listed networks the VPC the macro builds cannot reach, once per place written. */
    private void warnOfUnreachablePrivateNetworks(List<FencedFunction> fenced, Ipv4Block vpc) {
        Set<TemplatePath> reported = new HashSet<>();
        for (FencedFunction function : fenced) {
            List<OutboundAccess.AllowEntry> entries = function.access().allowList();
            for (int i = 0; i < entries.size(); i++) {
                TemplatePath path = function.access().path().key("AllowList").index(i).key("Cidr");
                if (!(entries.get(i) instanceof OutboundAccess.Cidr cidr) || !reported.add(path)) {
                    continue;
                }
                PrivateNetworks.from(vpc.toString(), cidr.cidr()).ifPresent(why -> context.diagnostics().report(
                        DiagnosticCode.NETWORK_PRIVATE_UNREACHABLE, path, "'" + cidr.cidr() + "' " + switch (why) {
                            case INSIDE_THE_VPC -> "overlaps " + vpc + ", the block of the VPC the macro builds "
                                    + "(Metadata.OutboundWishlist.Network.VpcCidr): those addresses are the fence's "
                                    + "own subnets, never a server outside it; set VpcCidr to a block apart from the "
                                    + "networks the functions reach, or remove the entry";
                            case PRIVATE -> "is a private network, which the VPC the macro builds routes through NAT "
                                    + "to the internet, where no private address is reached; to reach a network "
                                    + "behind a VPN, Direct Connect or peering, fence the function in a VPC routed to "
                                    + "it (ExistingVpc)";
                        }));
            }
        }
    }

    /** Each fenced function, in template order, with its profile and the services it reaches. */
    static List<Function> functions(List<FencedFunction> fenced, List<Profile> profiles,
                                    Map<String, List<Service>> servicesByFunction) {
        List<Function> functions = new ArrayList<>();
        for (FencedFunction function : fenced) {
            Profile profile = profiles.stream().filter(p -> p.functionIds().contains(function.id())).findFirst()
                    .orElseThrow();
            functions.add(new Function(function.id(), profile, function.access(),
                    servicesByFunction.get(function.id())));
        }
        return List.copyOf(functions);
    }

    /** Offline in a China Region, the endpoint services the macro writes may be named otherwise. */
    private void warnOfUncheckedNames(Lookups.NetworkFacts facts, List<Service> endpoints, List<FencedFunction> fenced) {
        boolean writesEndpoints = settings.existingVpc().map(vpc -> vpc.endpointSubnetIds().isPresent()).orElse(true);
        if (facts instanceof Lookups.NetworkFacts.Unavailable && writesEndpoints && !endpoints.isEmpty()
                && context.environment().partition().equals("aws-cn")) {
            context.diagnostics().report(DiagnosticCode.CHINA_ENDPOINT_NAMES, fenced.get(0).access().path(),
                    "writes the endpoint services " + String.join(", ", endpoints.stream().map(Service::name).toList())
                            + " as " + Service.PREFIX + ".REGION.NAME, unchecked: the China Regions name many "
                            + Service.CHINA_PREFIX + ".REGION.NAME; turn online lookups on (--online, or the macro's "
                            + "OnlineLookups parameter) so the names come from EC2");
        }
    }

    /**
     * Online, the service under the name EC2 offers it and as taking an endpoint policy unless EC2
     * said otherwise; offline, under the name most Regions use, taking one.
     */
    private Service endpoint(Lookups.NetworkFacts facts, String name, List<String> sources) {
        String region = context.environment().region();
        if (!(facts instanceof Lookups.NetworkFacts.Known known)) {
            return new Service(name, sources);
        }
        String prefix = Service.PREFIX;
        if (!known.serviceZones().containsKey(new Service(name, List.of()).endpointServiceName(region))
                && known.serviceZones().containsKey(
                        new Service(name, List.of(), Service.CHINA_PREFIX, true).endpointServiceName(region))) {
            prefix = Service.CHINA_PREFIX;
        }
        boolean takesPolicy = !known.withoutPolicy().contains(
                new Service(name, List.of(), prefix, true).endpointServiceName(region));
        return new Service(name, sources, prefix, takesPolicy);
    }

    /**
     * Online, the first zones (by name) that offer every interface endpoint service needed;
     * offline, the Region's first zones as CloudFormation lists them at deploy.
     */
    private Optional<List<Zone>> zones(Lookups.NetworkFacts facts, List<Service> endpoints,
                                       List<FencedFunction> fenced) {
        int wanted = settings.availabilityZones();
        List<String> services = endpoints.stream().map(Service::name).toList();
        String region = context.environment().region();
        if (facts instanceof Lookups.NetworkFacts.Known known) {
            List<String> offering = known.zones().stream().filter(zone -> endpoints.stream().allMatch(service ->
                    known.serviceZones().getOrDefault(service.endpointServiceName(region), List.of()).contains(zone)))
                    .toList();
            if (offering.size() < wanted) {
                context.diagnostics().report(DiagnosticCode.NETWORK_ZONES, fenced.get(0).access().path(),
                        "needs " + wanted + " Availability Zones offering every endpoint service the functions use ("
                                + String.join(", ", services) + "), but only " + offering.size() + " of "
                                + context.environment().region() + " do" + (offering.isEmpty() ? "" : " ("
                                + String.join(", ", offering) + ")") + "; set Metadata.OutboundWishlist.Network."
                                + "AvailabilityZones to " + Math.max(1, offering.size()) + ", or list fewer services");
                return Optional.empty();
            }
            List<Zone> zones = new ArrayList<>();
            for (int i = 0; i < wanted; i++) {
                zones.add(new Zone(i, String.valueOf((char) ('A' + i)), NODES.textNode(offering.get(i))));
            }
            return Optional.of(zones);
        }
        if (!services.isEmpty()) {
            context.diagnostics().report(DiagnosticCode.NETWORK_NOTE, fenced.get(0).access().path(), "uses the "
                    + "Region's first " + wanted + " Availability Zones (Fn::GetAZs), not checked to offer the "
                    + String.join(", ", services) + " endpoint service(s): "
                    + ((Lookups.NetworkFacts.Unavailable) facts).reason());
        }
        return Optional.of(offlineZones());
    }

    /** Offline the zones are the Region's first ones, chosen by CloudFormation at deploy. */
    private List<Zone> offlineZones() {
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < settings.availabilityZones(); i++) {
            ObjectNode select = NODES.objectNode();
            ArrayNode args = select.putArray("Fn::Select");
            args.add(i);
            args.addObject().put("Fn::GetAZs", "");
            zones.add(new Zone(i, String.valueOf((char) ('A' + i)), select));
        }
        return zones;
    }

    /**
     * Functions with the same destinations share a profile. Allow-lists are compared as sets;
     * the isolated profile comes first, the others in the order their first function is written.
     */
    static Map<List<OutboundAccess.AllowEntry>, List<FencedFunction>> groupByProfile(
            List<FencedFunction> fenced) {
        Map<List<OutboundAccess.AllowEntry>, List<FencedFunction>> profiles = new LinkedHashMap<>();
        fenced.stream().filter(f -> f.access().isolated()).forEach(f ->
                profiles.computeIfAbsent(List.of(), k -> new ArrayList<>()).add(f));
        fenced.stream().filter(f -> !f.access().isolated()).forEach(f ->
                profiles.computeIfAbsent(canonical(f.access().allowList()), k -> new ArrayList<>()).add(f));
        return profiles;
    }

    private static List<OutboundAccess.AllowEntry> canonical(List<OutboundAccess.AllowEntry> entries) {
        return entries.stream().map(NetworkPlanner::sortedPorts).distinct()
                .sorted(Comparator.comparing(Object::toString)).toList();
    }

    private static OutboundAccess.AllowEntry sortedPorts(OutboundAccess.AllowEntry entry) {
        if (entry instanceof OutboundAccess.Domain domain) {
            return new OutboundAccess.Domain(domain.name(), domain.wildcard(),
                    domain.ports().stream().distinct().sorted().toList());
        }
        OutboundAccess.Cidr cidr = (OutboundAccess.Cidr) entry;
        return new OutboundAccess.Cidr(cidr.cidr(), cidr.ports().stream().distinct().sorted().toList(),
                cidr.protocol());
    }

    /** A list of IPv6 networks only reaches nothing (the network has no IPv6): no NAT is paid for it. */
    private static boolean onlyIpv6(List<OutboundAccess.AllowEntry> entries) {
        return entries.stream().allMatch(e -> e instanceof OutboundAccess.Cidr cidr && cidr.cidr().contains(":"));
    }

    private static boolean hasDomains(List<OutboundAccess.AllowEntry> entries) {
        return entries.stream().anyMatch(OutboundAccess.Domain.class::isInstance);
    }

    private static List<Subnet> subnets(Ipv4Block vpc, int prefix, int group, List<Zone> zones) {
        return zones.stream().map(zone -> new Subnet(zone,
                vpc.slice((long) group * zones.size() + zone.index(), prefix).toString())).toList();
    }

    /** Listed services, then those its permissions use, each with where it was read. */
    private List<Service> services(FencedFunction function) {
        Map<String, List<String>> sources = new TreeMap<>();
        for (int i = 0; i < function.access().awsServices().size(); i++) {
            sources.computeIfAbsent(function.access().awsServices().get(i), k -> new ArrayList<>())
                    .add("listed in AwsServices (" + function.access().path().key("AwsServices").index(i) + ")");
        }
        for (ServiceInference.Inference inference : ServiceInference.of(function.id(), context.resources())) {
            sources.computeIfAbsent(inference.service(), k -> new ArrayList<>()).add("inferred from "
                    + inference.source());
        }
        JsonNode properties = context.resources().path(function.id()).path("Properties");
        for (String key : List.of("Policies", "Role")) {
            // Ref, GetAtt and Sub name a role or policy; Fn::If branches are each read.
            if (Intrinsics.isIntrinsic(properties.path(key)) && !properties.path(key).has("Ref")
                    && !properties.path(key).has("Fn::GetAtt") && !properties.path(key).has("Fn::Sub")
                    && !properties.path(key).has("Fn::If")) {
                context.diagnostics().report(DiagnosticCode.NETWORK_NOTE, TemplatePath.of("Resources", function.id(),
                        "Properties", key), "is an intrinsic function the macro cannot read to tell which AWS services "
                        + "the function calls; list them in AwsServices, or their calls cannot leave the fence");
            }
        }
        // Globals apply to SAM functions that do not set Tracing themselves; X-Ray segments leave through the VPC.
        if (function.sam() && !properties.has("Tracing")) {
            for (ServiceInference.Inference inference
                    : ServiceInference.ofGlobalTracing(context.root().path("Globals").path("Function").path("Tracing"))) {
                sources.computeIfAbsent(inference.service(), k -> new ArrayList<>()).add("inferred from "
                        + inference.source());
            }
        }
        return sources.entrySet().stream().map(e -> new Service(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Settings first, then what EC2 said, then the table of known Regions. */
    private PrefixLists prefixLists(Lookups.NetworkFacts facts) {
        Map<String, String> configured = settings.prefixLists();
        Map<String, String> found = facts instanceof Lookups.NetworkFacts.Known known ? known.prefixLists() : Map.of();
        String region = context.environment().region();
        Optional<String> s3 = Optional.ofNullable(configured.get("S3")).or(() -> Optional.ofNullable(found.get("s3")))
                .or(() -> PrefixListIds.known(region, "s3"));
        Optional<String> dynamodb = Optional.ofNullable(configured.get("DynamoDB"))
                .or(() -> Optional.ofNullable(found.get("dynamodb")))
                .or(() -> PrefixListIds.known(region, "dynamodb"));
        String source = (configured.isEmpty() ? "" : "the PrefixLists setting, then ")
                + (found.isEmpty() ? "" : "EC2, then ") + "the table of known Regions, for " + region;
        return new PrefixLists(s3, dynamodb, source);
    }

    /**
     * A function that needs S3 or DynamoDB reaches them through the gateway endpoint, which its
     * security group must allow. Without the prefix list id the rule would be 443 to anywhere:
     * harmless where the route table has no way out, not where it has a NAT route.
     */
    private boolean gatewayAccessPossible(NetworkPlan plan) {
        boolean possible = true;
        for (Function function : plan.functions()) {
            for (String service : AwsServices.GATEWAY) {
                if (!function.needs(service) || plan.prefixLists().of(service).isPresent()) {
                    continue;
                }
                if (function.profile().isolated()) {
                    context.diagnostics().report(DiagnosticCode.NETWORK_NOTE, function.access().path(),
                            "reaches " + service + " through its gateway endpoint with a security group rule for "
                                    + "443 to any address, since the " + service + " prefix list id is not known for "
                                    + context.environment().region() + "; the route table, which has no way out, "
                                    + "is the fence");
                } else if (!SecurityGroupRules.allowsHttpsAnywhere(function.access())) {
                    context.diagnostics().report(DiagnosticCode.NETWORK_PREFIX_LIST_UNKNOWN, function.access().path(),
                            "needs " + service + ", but the " + service + " prefix list id is not known for "
                                    + context.environment().region() + ", and allowing 443 to any address would "
                                    + "open the NAT route; set Metadata.OutboundWishlist.Network.PrefixLists."
                                    + (service.equals("s3") ? "S3" : "DynamoDB") + " (or run with --online)");
                    possible = false;
                }
            }
        }
        return possible;
    }
}
