package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Settings;

import java.util.List;
import java.util.Optional;

/**
 * The network a template's fenced functions get, as plain data, before any CloudFormation is
 * written: what the writer builds, what {@code plan} shows and what tests check.
 *
 * @param vpcCidr          the VPC's block
 * @param zones            the Availability Zones used, each with a letter for readable ids
 * @param natSubnets       public subnets holding a NAT gateway each (one per zone, or one)
 * @param firewallSubnets  one per zone when some profile's domains go through Network Firewall
 * @param endpointSubnets  one per zone when interface endpoints are needed
 * @param profiles         isolated first, then allow-lists in the order their first function is written
 * @param functions        every fenced function, in template order
 * @param interfaceEndpoints the services reached through interface endpoints, with why each is needed
 * @param prefixLists      S3 and DynamoDB prefix list ids, where known
 * @param dnsFirewall      whether the VPC's resolver blocks every name not allowed
 * @param existingVpc      the VPC the user brings; then the macro plans no VPC, zones or subnets of its own
 *                         ({@code vpcCidr} is null and every subnet list is empty)
 */
public record NetworkPlan(String vpcCidr, List<Zone> zones, List<Subnet> natSubnets, List<Subnet> firewallSubnets,
                          List<Subnet> endpointSubnets, List<Profile> profiles, List<Function> functions,
                          List<Service> interfaceEndpoints, PrefixLists prefixLists, boolean dnsFirewall,
                          Optional<Settings.ExistingVpc> existingVpc) {

    /** @param availabilityZone a literal zone name, or {@code Fn::Select} over {@code Fn::GetAZs} */
    public record Zone(int index, String letter, JsonNode availabilityZone) {
    }

    public record Subnet(Zone zone, String cidr) {
    }

    /** How a profile's traffic leaves the VPC. */
    public enum Egress {
        /** No route out: local, and the S3 and DynamoDB gateway endpoints. */
        NONE,
        /** Straight to a NAT gateway: security groups allow only the listed networks. */
        NAT,
        /** Through the Network Firewall of the same zone, which checks domain names, then NAT. */
        FIREWALL
    }

    /**
     * Functions that may reach the same destinations share subnets, so the firewall can tell
     * their traffic apart by source address.
     *
     * @param name    {@code Isolated}, or {@code AllowList1}, {@code AllowList2}, …
     * @param entries the allow-list (empty for the isolated profile)
     */
    public record Profile(String name, Egress egress, List<OutboundAccess.AllowEntry> entries, List<Subnet> subnets,
                          List<String> functionIds) {

        public boolean isolated() {
            return egress == Egress.NONE;
        }

        public boolean hasDomains() {
            return entries.stream().anyMatch(OutboundAccess.Domain.class::isInstance);
        }
    }

    /**
     * @param services the AWS services it reaches through endpoints, listed or inferred
     */
    public record Function(String id, Profile profile, OutboundAccess access, List<Service> services) {

        public boolean needs(String service) {
            return services.stream().anyMatch(s -> s.name().equals(service));
        }
    }

    /**
     * @param sources    why it is needed: listed in AwsServices, or inferred from a policy
     * @param namePrefix how the Region names its endpoint service: {@code com.amazonaws}, or
     *                   {@code cn.com.amazonaws} where EC2 said so (many services in the China Regions)
     * @param takesPolicy false where EC2 said the endpoint service takes no endpoint policy
     */
    public record Service(String name, List<String> sources, String namePrefix, boolean takesPolicy) {

        public static final String PREFIX = "com.amazonaws";
        public static final String CHINA_PREFIX = "cn.com.amazonaws";

        public Service(String name, List<String> sources) {
            this(name, sources, PREFIX, true);
        }

        public String endpointServiceName(String region) {
            return namePrefix + "." + region + "." + name;
        }
    }

    public record PrefixLists(Optional<String> s3, Optional<String> dynamodb, String source) {

        public Optional<String> of(String service) {
            return service.equals("s3") ? s3 : dynamodb;
        }
    }

    public boolean needsInternet() {
        return profiles.stream().anyMatch(p -> !p.isolated());
    }

    /** In an existing VPC, the user's subnets a profile's functions run in, as written in the settings. */
    public Optional<JsonNode> existingSubnets(Profile profile) {
        return existingVpc.flatMap(vpc -> profile.isolated() ? vpc.isolatedSubnetIds() : vpc.egressSubnetIds());
    }
}
