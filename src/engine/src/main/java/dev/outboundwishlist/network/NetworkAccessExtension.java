package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.engine.Extension;
import dev.outboundwishlist.template.Intrinsics;
import dev.outboundwishlist.template.SourceMap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * E1, OutboundNetworkAccess on Lambda functions (DESIGN §2): reads and checks the property
 * everywhere it may be written, plans one shared network for every fenced function of the
 * template, and writes it. Planning runs in validation too, so what stands in the way of the
 * network (a VPC block too small, a prefix list that is not known) is reported with the rest.
 */
public final class NetworkAccessExtension implements Extension {

    private static final String KEY = "OutboundNetworkAccess";
    private static final int NFS_PORT = 2049;

    @Override
    public void validate(ExpansionContext context) {
        // Functions whose value has errors are left out; the others are still planned, to report all at once.
        List<FencedFunction> fenced = fencedFunctions(context, true);
        if (fenced.isEmpty()) {
            return;
        }
        fenced.forEach(function -> NetworkConditions.check(context, function.id()));
        UnfencedCallees.report(context, fenced);
        Optional<Settings.ExistingVpc> existing = context.settings().network().existingVpc();
        if (existing.isEmpty() && context.root().path("Metadata").path("OutboundWishlist").path("Network")
                .has("ExistingVpc")) {
            // Its errors are reported; findings about the network the macro would build instead would mislead.
            return;
        }
        if (existing.isPresent()) {
            ExistingVpcNotes.report(context, existing.get());
        }
        new NetworkPlanner(context).plan(fenced).ifPresent(plan -> {
            reportServices(context, plan);
            ForeignResources.report(context, plan);
            warnOfShadowedApis(context, plan);
            checkRuleCounts(context, plan);
            if (existing.isPresent() && !plan.interfaceEndpoints().isEmpty()) {
                ExistingVpcNotes.reportEndpoints(context, plan);
            }
            existing.ifPresent(vpc -> ExistingVpcNotes.reportOwnEndpoints(context, plan, vpc));
        });
        if (existing.isPresent()) {
            return;
        }
        weakenedBySettings(context, fenced);
        if (context.settings().network().domainEnforcement() == Settings.DomainEnforcement.DnsFirewall) {
            fenced.stream().filter(f -> f.access().allowList().stream().anyMatch(OutboundAccess.Domain.class::isInstance))
                    .forEach(f -> context.diagnostics().report(DiagnosticCode.NETWORK_DNS_ONLY_ENFORCEMENT,
                            f.access().path(), "lists domains, which DomainEnforcement: DnsFirewall enforces only by "
                                    + "name resolution: code that connects to a raw IP address on the listed ports "
                                    + "is not stopped (Network Firewall, the default, checks every connection)"));
        }
    }

    /**
     * The functions that get a fence, in template order: their own value or the global one.
     *
     * @param report whether to report problems (validation) or read silently (expansion, after it)
     */
    static List<FencedFunction> fencedFunctions(ExpansionContext context, boolean report) {
        ExpansionContext reading = report ? context : quiet(context);
        JsonNode globals = reading.root().path("Globals").path("Function");
        boolean globalUse = globals.has(KEY);
        Optional<OutboundAccess> global = globalUse
                ? check(reading, globals, TemplatePath.of("Globals", "Function", KEY)) : Optional.empty();
        List<FencedFunction> fenced = new ArrayList<>();
        boolean samFenced = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = reading.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            boolean sam = type.equals("AWS::Serverless::Function");
            if (!sam && !type.equals("AWS::Lambda::Function")) {
                continue;
            }
            JsonNode properties = resource.getValue().path("Properties");
            TemplatePath path = TemplatePath.of("Resources", resource.getKey(), "Properties");
            Optional<OutboundAccess> access = Optional.empty();
            if (properties.has(KEY)) {
                access = check(reading, properties, path.key(KEY));
            } else if (sam && globalUse && Intrinsics.isIntrinsic(properties)) {
                reading.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path, "is an intrinsic function, "
                        + "so the macro cannot give this function the VpcConfig the global OutboundNetworkAccess "
                        + "asks for; write Properties as a mapping, with the intrinsic function around the values "
                        + "that differ");
            } else if (sam && globalUse) {
                access = conflicts(reading, properties, path, "the global OutboundNetworkAccess") ? global
                        : Optional.empty();
            } else if (globalUse) {
                reading.diagnostics().report(DiagnosticCode.NETWORK_NOT_FENCED, path.parent(), "is an "
                        + type + ", to which Globals do not apply, so it stays unfenced; give it its own "
                        + "OutboundNetworkAccess");
            }
            insideIntrinsics(reading, properties, path);
            if (report && access.isEmpty() && (properties.has(KEY) || sam && globalUse)) {
                // Left out for its errors, the function's Condition is still checked: every finding at once.
                NetworkConditions.check(context, resource.getKey());
            }
            if (access.isPresent() && !(access.get().enabled() && access.get().allowList().isEmpty())
                    && mountsNoFileSystem(reading, properties, path, access.get())) {
                fenced.add(new FencedFunction(resource.getKey(), sam, access.get()));
                samFenced |= sam;
            }
        }
        JsonNode globalVpc = globals.get("VpcConfig");
        if (samFenced && globalVpc != null && !globalUse) {
            reading.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, TemplatePath.of("Globals", "Function",
                    "VpcConfig"), "would be merged into the VpcConfig of fenced functions by SAM, placing them in "
                    + "networks the fence does not control; remove it, or set VpcConfig on the unfenced functions "
                    + "themselves");
        }
        return fenced;
    }

    /**
     * An EFS file system is mounted over NFS (tcp 2049) at its mount targets, which are in the
     * file system's own VPC: never the one the macro builds, and in an existing VPC only where
     * the allow-list lets NFS through.
     */
    private static boolean mountsNoFileSystem(ExpansionContext context, JsonNode properties, TemplatePath path,
                                              OutboundAccess access) {
        if (!properties.has("FileSystemConfigs")) {
            return true;
        }
        if (context.settings().network().existingVpc().isEmpty()) {
            context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path.key("FileSystemConfigs"), "mounts "
                    + "an EFS file system, whose mount targets are in its own VPC, which the network the macro builds "
                    + "cannot reach; set Metadata.OutboundWishlist.Network.ExistingVpc to that VPC, and allow the "
                    + "mount targets' network on tcp 2049 in the AllowList");
            return false;
        }
        boolean nfs = access.allowList().stream().anyMatch(e -> e instanceof OutboundAccess.Cidr cidr
                && !cidr.protocol().equals("udp") && (cidr.ports().isEmpty() || cidr.ports().contains(NFS_PORT)));
        if (!nfs) {
            context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path.key("FileSystemConfigs"), "mounts "
                    + "an EFS file system over NFS (tcp " + NFS_PORT + "), which the function's fence does not allow; "
                    + "add the mount targets' network to the AllowList (Enabled: true) with Ports: [" + NFS_PORT
                    + "] and Protocol: tcp");
            return false;
        }
        return true;
    }

    /** Settings that switch part of the fence off are said out loud; one that leaves domains unchecked is an error. */
    private static void weakenedBySettings(ExpansionContext context, List<FencedFunction> fenced) {
        Settings.Network network = context.settings().network();
        TemplatePath settings = TemplatePath.of("Metadata", "OutboundWishlist", "Network");
        boolean domains = fenced.stream().anyMatch(f -> f.access().allowList().stream()
                .anyMatch(OutboundAccess.Domain.class::isInstance));
        if (!network.dnsFirewall() && network.domainEnforcement() == Settings.DomainEnforcement.DnsFirewall && domains) {
            context.diagnostics().report(DiagnosticCode.INVALID_SETTING, settings.key("DnsFirewall"), "is false while "
                    + "DomainEnforcement is DnsFirewall, so nothing would check the allow-listed domains; set "
                    + "DnsFirewall: true, or DomainEnforcement: NetworkFirewall");
        } else if (!network.dnsFirewall()) {
            context.diagnostics().report(DiagnosticCode.NETWORK_WEAKENED, settings.key("DnsFirewall"), "is false: "
                    + "every fenced function can send data out in DNS queries, which the VPC resolver forwards for "
                    + "any public name even from subnets with no route out");
        }
        if (network.endpointPolicy() == Settings.EndpointPolicy.FullAccess) {
            context.diagnostics().report(DiagnosticCode.NETWORK_WEAKENED, settings.key("EndpointPolicy"), "is "
                    + "FullAccess: through the VPC endpoints, fenced functions can use any account's resources "
                    + "(an attacker's bucket, say) and any account's credentials");
        }
    }

    /** AWS allows 60 egress rules per security group by default; better said now than at deploy. */
    private static void checkRuleCounts(ExpansionContext context, NetworkPlan plan) {
        for (NetworkPlan.Function function : plan.functions()) {
            int rules = SecurityGroupRules.egress(plan, function, context.root().textNode("group")).size();
            if (rules > SecurityGroupRules.MAX_RULES) {
                context.diagnostics().report(DiagnosticCode.NETWORK_TOO_MANY_RULES, function.access().path(),
                        "needs " + rules + " egress rules in the function's security group, but AWS allows "
                                + SecurityGroupRules.MAX_RULES + " by default; list fewer ports (each is a rule, "
                                + "two with Protocol: all), use Protocol: tcp or udp rather than all, or merge "
                                + "networks");
            }
        }
    }

    /** Inferred services are announced, so a user sees why an endpoint (and its cost) appears. */
    private static void reportServices(ExpansionContext context, NetworkPlan plan) {
        for (NetworkPlan.Function function : plan.functions()) {
            for (NetworkPlan.Service service : function.services()) {
                List<String> inferred = service.sources().stream().filter(s -> s.startsWith("inferred from ")).toList();
                boolean listed = service.sources().stream().anyMatch(s -> s.startsWith("listed "));
                if (!inferred.isEmpty() && !listed) {
                    String how = plan.existingVpc().isPresent() ? " (its security group allows it), "
                            : " through a VPC endpoint, ";
                    context.diagnostics().report(DiagnosticCode.NETWORK_SERVICE_INFERRED, function.access().path(),
                            "reaches " + service.name() + how + String.join("; ", inferred)
                                    + "; list it in AwsServices to make that explicit");
                }
            }
        }
    }

    /**
     * The execute-api endpoint's private DNS answers for every API Gateway name in the Region, in
     * the whole VPC: an allow-listed public API there is then reached through the endpoint, which
     * serves private APIs only, so its calls fail.
     */
    private static void warnOfShadowedApis(ExpansionContext context, NetworkPlan plan) {
        if (plan.interfaceEndpoints().stream().noneMatch(s -> s.name().equals("execute-api"))) {
            return;
        }
        String suffix = ".execute-api." + context.environment().region() + ".amazonaws.com";
        for (NetworkPlan.Function function : plan.functions()) {
            List<OutboundAccess.AllowEntry> entries = function.access().allowList();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof OutboundAccess.Domain domain
                        && ("." + domain.name()).endsWith(suffix)) {
                    context.diagnostics().report(DiagnosticCode.NETWORK_API_SHADOWED, function.access().path()
                            .key("AllowList").index(i).key("Domain"), "'" + (domain.wildcard() ? "*." : "")
                            + domain.name() + "' is an API Gateway name, which the fence's execute-api endpoint "
                            + "answers for in the whole VPC (private DNS): that endpoint serves only private APIs, "
                            + "so calls to a public API there fail; fence the functions that call private APIs and "
                            + "those that call public ones in separate stacks, whose VPCs are apart");
                }
            }
        }
    }

    private static ExpansionContext quiet(ExpansionContext context) {
        return new ExpansionContext(context.template(), context.settings(), context.environment(),
                context.logicalIds(), new Diagnostics(SourceMap.NONE), context.lookups());
    }

    /** Written inside an intrinsic function (a branch of Fn::If, say), the fence could not be honoured. */
    private static void insideIntrinsics(ExpansionContext context, JsonNode node, TemplatePath path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith("Fn::")) {
                findKey(context, field.getValue(), path.key(field.getKey()));
            }
        }
    }

    private static void findKey(ExpansionContext context, JsonNode node, TemplatePath path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals(KEY)) {
                    context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path.key(KEY), "is inside an "
                            + "intrinsic function, which CloudFormation resolves only after the macro has run; write "
                            + "it directly in the function's Properties");
                } else {
                    findKey(context, field.getValue(), path.key(field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findKey(context, node.get(i), path.index(i));
            }
        }
    }

    /** Builds the network, fences each function, and consumes every OutboundNetworkAccess key. */
    @Override
    public void expand(ExpansionContext context) {
        List<FencedFunction> fenced = fencedFunctions(context, false);
        if (!fenced.isEmpty()) {
            // Planning was reported during validation; here it runs again, silently, on the same input.
            NetworkPlan plan = new NetworkPlanner(quiet(context)).plan(fenced).orElseThrow();
            new NetworkWriter(context, plan).write();
        }
        if (context.root().path("Globals").path("Function") instanceof ObjectNode global && global.has(KEY)) {
            global.remove(KEY);
            // An emptied Globals section is removed with it, as a person would.
            ObjectNode section = (ObjectNode) context.root().get("Globals");
            if (global.isEmpty()) {
                section.remove("Function");
            }
            if (section.isEmpty()) {
                context.root().remove("Globals");
            }
        }
        for (JsonNode resource : context.resources()) {
            if (isFunction(resource) && resource.get("Properties") instanceof ObjectNode properties) {
                properties.remove(KEY);
            }
        }
    }

    @Override
    public void checkExpanded(ExpansionContext context) {
        if (context.root().path("Globals").path("Function").has(KEY)) {
            context.diagnostics().report(DiagnosticCode.EXTENSION_KEY_LEFT, TemplatePath.of("Globals", "Function", KEY),
                    "was not expanded; please report it");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = context.resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (isFunction(resource.getValue()) && resource.getValue().path("Properties").has(KEY)) {
                context.diagnostics().report(DiagnosticCode.EXTENSION_KEY_LEFT,
                        TemplatePath.of("Resources", resource.getKey(), "Properties", KEY), "was not expanded; please report it");
            }
        }
    }

    private static boolean isFunction(JsonNode resource) {
        String type = resource.path("Type").asText();
        return type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function");
    }

    /** Reads one value and checks the properties written beside it; the value when all is well. */
    private static Optional<OutboundAccess> check(ExpansionContext context, JsonNode properties, TemplatePath path) {
        Optional<OutboundAccess> access = OutboundAccessReader.read(properties.get(KEY), path, context.diagnostics());
        boolean clean = conflicts(context, properties, path.parent(), "OutboundNetworkAccess");
        return clean ? access : Optional.empty();
    }

    /** The fence decides the function's network: it cannot be combined with one the user set. */
    private static boolean conflicts(ExpansionContext context, JsonNode properties, TemplatePath path, String what) {
        JsonNode vpc = properties.get("VpcConfig");
        if (vpc == null) {
            return true;
        }
        if (vpc.has("Ipv6AllowedForDualStack")) {
            context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS,
                    path.key("VpcConfig").key("Ipv6AllowedForDualStack"), "lets traffic bypass NAT and the firewall "
                            + "over IPv6, which " + what + " does not allow; remove it");
        }
        context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path.key("VpcConfig"), "is written "
                + "beside " + what + ", which builds the function's network itself; remove VpcConfig");
        return false;
    }
}
