package dev.outboundwishlist.network;

import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Settings;
import dev.outboundwishlist.network.NetworkPlan.Egress;
import dev.outboundwishlist.network.NetworkPlan.PrefixLists;
import dev.outboundwishlist.network.NetworkPlan.Profile;
import dev.outboundwishlist.network.NetworkPlan.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the fence in a VPC the user brings (DESIGN §2.1, {@code ExistingVpc}). The macro sees
 * neither the routes nor the DNS of that VPC, so each function's security group is the whole
 * fence: it may name only the listed networks, the S3 and DynamoDB prefix lists and the
 * endpoints' security group. What only a firewall could check, a domain name, is refused.
 */
final class ExistingVpcPlanner {

    private static final String SETTING = "Metadata.OutboundWishlist.Network.ExistingVpc";

    private final ExpansionContext context;
    private final Settings.ExistingVpc vpc;
    private final Set<String> reported = new HashSet<>();

    ExistingVpcPlanner(ExpansionContext context, Settings.ExistingVpc vpc) {
        this.context = context;
        this.vpc = vpc;
    }

    /** The plan, or empty when some function cannot be fenced here (reported). */
    Optional<NetworkPlan> plan(List<FencedFunction> fenced, Map<String, List<Service>> servicesByFunction,
                               List<Service> interfaceServices, PrefixLists prefixLists) {
        boolean possible = true;
        for (FencedFunction function : fenced) {
            possible &= subnetsGiven(function);
            possible &= noDomains(function.access());
            possible &= servicesReachable(function, servicesByFunction.get(function.id()), prefixLists);
        }
        if (!possible) {
            return Optional.empty();
        }
        List<Profile> profiles = new ArrayList<>();
        int allowListNumber = 0;
        for (var entry : NetworkPlanner.groupByProfile(fenced).entrySet()) {
            boolean isolated = entry.getKey().isEmpty();
            profiles.add(new Profile(isolated ? "Isolated" : "AllowList" + ++allowListNumber,
                    isolated ? Egress.NONE : Egress.NAT, entry.getKey(), List.of(),
                    entry.getValue().stream().map(FencedFunction::id).toList()));
        }
        return Optional.of(new NetworkPlan(null, List.of(), List.of(), List.of(), List.of(), List.copyOf(profiles),
                NetworkPlanner.functions(fenced, profiles, servicesByFunction),
                vpc.endpointSubnetIds().isPresent() ? interfaceServices : List.of(), prefixLists, false,
                Optional.of(vpc)));
    }

    private boolean subnetsGiven(FencedFunction function) {
        boolean isolated = function.access().isolated();
        if (isolated ? vpc.isolatedSubnetIds().isPresent() : vpc.egressSubnetIds().isPresent()) {
            return true;
        }
        report(function.access().path(), isolated
                ? "is isolated, but " + SETTING + " lists no IsolatedSubnetIds; add the subnets isolated functions "
                        + "run in (subnets with no route out of the VPC)"
                : "has an allow-list, but " + SETTING + " lists no EgressSubnetIds; add the subnets allow-list "
                        + "functions run in (subnets whose default route goes to a NAT gateway)");
        return false;
    }

    /** Nothing the macro writes into someone else's VPC could check a name: only a firewall can. */
    private boolean noDomains(OutboundAccess access) {
        boolean clean = true;
        for (int i = 0; i < access.allowList().size(); i++) {
            if (access.allowList().get(i) instanceof OutboundAccess.Domain domain) {
                report(access.path().key("AllowList").index(i), "names the domain " + (domain.wildcard() ? "*." : "")
                        + domain.name() + ", which cannot be enforced in an existing VPC: the macro builds no "
                        + "Network Firewall or DNS Firewall there, and a security group knows only addresses; list "
                        + "the server's network as a Cidr entry, or remove ExistingVpc to let the macro build the "
                        + "network");
                clean = false;
            }
        }
        return clean;
    }

    private boolean servicesReachable(FencedFunction function, List<Service> services, PrefixLists prefixLists) {
        boolean reachable = true;
        List<String> viaInterface = services.stream().map(Service::name)
                .filter(name -> !AwsServices.GATEWAY.contains(name)).toList();
        if (!viaInterface.isEmpty() && vpc.endpointSubnetIds().isEmpty() && vpc.endpointSecurityGroupId().isEmpty()) {
            report(function.access().path(), "reaches " + String.join(", ", viaInterface) + " through VPC endpoints, "
                    + "but " + SETTING + " sets neither EndpointSubnetIds (the macro creates the endpoints in those "
                    + "subnets) nor EndpointSecurityGroupId (the security group of the VPC's own endpoints)");
            reachable = false;
        }
        for (String service : AwsServices.GATEWAY) {
            boolean needed = services.stream().anyMatch(s -> s.name().equals(service));
            if (needed && prefixLists.of(service).isEmpty()) {
                report(DiagnosticCode.NETWORK_PREFIX_LIST_UNKNOWN, function.access().path(), "needs " + service
                        + ", but the " + service + " prefix list id is not known for "
                        + context.environment().region() + "; in an existing VPC the security group is the whole "
                        + "fence, so it cannot allow 443 to any address; set Metadata.OutboundWishlist.Network."
                        + "PrefixLists." + (service.equals("s3") ? "S3" : "DynamoDB") + " (or run with --online)");
                reachable = false;
            }
        }
        return reachable;
    }

    private void report(TemplatePath path, String message) {
        report(DiagnosticCode.NETWORK_EXISTING_VPC, path, message);
    }

    /** Functions sharing the global value share its errors: each is said once. */
    private void report(DiagnosticCode code, TemplatePath path, String message) {
        if (reported.add(path + ": " + message)) {
            context.diagnostics().report(code, path, message);
        }
    }
}
