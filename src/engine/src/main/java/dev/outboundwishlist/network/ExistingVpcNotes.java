package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a user should know when the fence is placed in a VPC they bring: which settings no longer
 * apply, and which ways out the macro cannot close there.
 */
final class ExistingVpcNotes {

    private static final TemplatePath NETWORK = TemplatePath.of("Metadata", "OutboundWishlist", "Network");
    /** Settings of the network the macro builds, none of which exists in the user's VPC. */
    private static final List<String> BUILT_NETWORK_ONLY = List.of("VpcCidr", "AvailabilityZones", "NatGateways",
            "DnsFirewall", "DomainEnforcement", "FlowLogs");

    private ExistingVpcNotes() {
    }

    static void report(ExpansionContext context, Settings.ExistingVpc vpc) {
        JsonNode written = context.root().path("Metadata").path("OutboundWishlist").path("Network");
        for (String key : BUILT_NETWORK_ONLY) {
            if (written.has(key)) {
                context.diagnostics().report(DiagnosticCode.NETWORK_SETTING_IGNORED, NETWORK.key(key), "has no "
                        + "effect with ExistingVpc: the macro builds no VPC, subnets, NAT gateways, firewalls or flow "
                        + "logs there; remove it");
            }
        }
        boolean ownEndpoints = vpc.endpointSubnetIds().isPresent();
        for (String key : List.of("EndpointPolicy", "TrustedAccounts")) {
            if (written.has(key) && !ownEndpoints) {
                context.diagnostics().report(DiagnosticCode.NETWORK_SETTING_IGNORED, NETWORK.key(key), "has no "
                        + "effect with ExistingVpc unless EndpointSubnetIds is set: the endpoints the functions use "
                        + "are the VPC's own, with their own policies");
            }
        }
        if (ownEndpoints && context.settings().network().endpointPolicy() == Settings.EndpointPolicy.FullAccess) {
            context.diagnostics().report(DiagnosticCode.NETWORK_WEAKENED, NETWORK.key("EndpointPolicy"), "is "
                    + "FullAccess: through the VPC endpoints, fenced functions can use any account's resources "
                    + "(an attacker's bucket, say) and any account's credentials");
        }
        context.diagnostics().report(DiagnosticCode.NETWORK_WEAKENED, NETWORK.key("ExistingVpc"), "places the "
                + "fenced functions in a VPC the macro does not build, so each function's security group is the "
                + "whole fence. Not closed there: DNS (no DNS Firewall is added, since it would filter every "
                + "workload of the VPC; unless the VPC has its own, functions can send data out in DNS queries) "
                + "and whose S3 buckets and DynamoDB tables they can use (decided by the VPC's own routes and "
                + "gateway endpoints" + (vpc.endpointSecurityGroupId().isPresent()
                ? "; for other services, by the policies of the VPC's own interface endpoints)" : ")"));
    }

    /**
     * Private DNS is VPC-wide: the endpoints the macro creates answer for these services to every
     * workload of the VPC, yet admit only the fenced functions, so the others lose them.
     */
    static void reportEndpoints(ExpansionContext context, NetworkPlan plan) {
        String services = plan.interfaceEndpoints().stream().map(NetworkPlan.Service::name)
                .collect(Collectors.joining(", "));
        context.diagnostics().report(DiagnosticCode.NETWORK_ENDPOINTS_TAKE_OVER,
                NETWORK.key("ExistingVpc").key("EndpointSubnetIds"), "gets interface endpoints for " + services
                        + " with private DNS, which serves the whole VPC: once they exist, every workload in the VPC "
                        + "resolves these services' names to them, but they admit only this stack's fenced functions "
                        + "(and, by their policy, only this account's resources), so any other workload there that "
                        + "calls them loses them. Use EndpointSubnetIds only where nothing else in the VPC calls "
                        + "these services; otherwise set EndpointSecurityGroupId to use the VPC's own endpoints. "
                        + "Deployment fails if the VPC already has an endpoint with private DNS for one of them");
    }

    /** The VPC's own endpoints must exist and admit the functions; the macro cannot see either. */
    static void reportOwnEndpoints(ExpansionContext context, NetworkPlan plan, Settings.ExistingVpc vpc) {
        if (vpc.endpointSubnetIds().isPresent() && plan.interfaceEndpoints().isEmpty()) {
            context.diagnostics().report(DiagnosticCode.NETWORK_SETTING_IGNORED, NETWORK.key("ExistingVpc")
                    .key("EndpointSubnetIds"), "has no effect: no fenced function needs an interface endpoint, so "
                    + "none is created (S3 and DynamoDB go by their prefix lists); remove it, or list the services "
                    + "in AwsServices");
        }
        String services = plan.functions().stream().flatMap(f -> f.services().stream())
                .map(NetworkPlan.Service::name).filter(name -> !AwsServices.GATEWAY.contains(name))
                .distinct().sorted().collect(Collectors.joining(", "));
        if (services.isEmpty() || vpc.endpointSecurityGroupId().isEmpty()) {
            return;
        }
        context.diagnostics().report(DiagnosticCode.NETWORK_NOTE, NETWORK.key("ExistingVpc")
                .key("EndpointSecurityGroupId"), "is taken to be the group of the VPC's own interface endpoints for "
                + services + ": each must exist with private DNS, and the group must admit HTTPS (tcp 443) from the "
                + "subnets the functions run in (their CIDR blocks: the functions' security groups are new with "
                + "each stack); the macro cannot check either, and a function times out calling a service where "
                + "one is missing");
    }
}
