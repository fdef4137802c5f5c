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

    /**
     * A VPC the user brings (DESIGN §2.1): the macro writes security groups, and interface
     * endpoints only when {@code endpointSubnetIds} is given. Ids are as written: a literal, or an
     * intrinsic such as {@code !Ref} of a parameter; a subnet list may also be one intrinsic that
     * gives the whole list (a {@code List<AWS::EC2::Subnet::Id>} parameter).
     *
     * @param isolatedSubnetIds       where isolated functions run: subnets with no route out of the VPC
     * @param egressSubnetIds         where allow-list functions run: subnets whose default route is a NAT gateway
     * @param endpointSubnetIds       where the macro creates the interface endpoints the functions need
     * @param endpointSecurityGroupId the security group of the VPC's own interface endpoints
     */
    public record ExistingVpc(JsonNode vpcId, Optional<JsonNode> isolatedSubnetIds, Optional<JsonNode> egressSubnetIds,
                              Optional<JsonNode> endpointSubnetIds, Optional<JsonNode> endpointSecurityGroupId) {
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
