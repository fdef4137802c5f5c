package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The template-level settings under {@code Metadata.OutboundWishlist} (DESIGN §5), with defaults. */
public record Settings(Network network, CrossAccount crossAccount) {

    public static final Settings DEFAULTS = new Settings(Network.DEFAULTS, CrossAccount.DEFAULTS);

    public enum NatGateways { PerAz, Single }

    public enum DomainEnforcement { NetworkFirewall, DnsFirewall }

    public enum EndpointPolicy { OwnAccount, FullAccess }

    public enum CrossAccountMode { Native, HelperFunction }

    /** Subnet and VPC ids may be literal or intrinsic (for example {@code !Ref} of a parameter). */
    public record ExistingVpc(JsonNode vpcId, List<JsonNode> isolatedSubnetIds, List<JsonNode> egressSubnetIds) {
    }

    public record Network(String vpcCidr, int availabilityZones, NatGateways natGateways, boolean dnsFirewall,
                          DomainEnforcement domainEnforcement, boolean flowLogs, EndpointPolicy endpointPolicy,
                          List<String> trustedAccounts, Map<String, String> prefixLists,
                          Optional<ExistingVpc> existingVpc) {

        public static final Network DEFAULTS = new Network("10.192.0.0/16", 2, NatGateways.PerAz, true,
                DomainEnforcement.NetworkFirewall, false, EndpointPolicy.OwnAccount, List.of(), Map.of(),
                Optional.empty());
    }

    public record CrossAccount(CrossAccountMode mode, List<String> allowedRoleArns) {

        public static final CrossAccount DEFAULTS = new CrossAccount(CrossAccountMode.Native, List.of());
    }
}
