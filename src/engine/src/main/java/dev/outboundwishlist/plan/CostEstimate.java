package dev.outboundwishlist.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The monthly cost of what an expansion added: hourly charges are estimated; per-GB and per-call
 * charges depend on traffic, so their prices are shown and nothing is guessed.
 *
 * @param hourly     one line per kind of hourly-billed resource added
 * @param usage      per-GB and per-call prices of what was added (not included in the total)
 * @param monthlyTotal the sum of the hourly lines for a {@value #HOURS_PER_MONTH}-hour month, in USD
 */
public record CostEstimate(List<HourlyCharge> hourly, List<String> usage, BigDecimal monthlyTotal,
        String priceSource) {

    public static final int HOURS_PER_MONTH = 730;

    /** Price list used for every estimate; AWS prices differ by Region and change over time. */
    public static final String PRICE_SOURCE = "AWS list prices for us-east-1 (N. Virginia), recorded 2026-12-03; "
            + "other Regions differ";

    private static final BigDecimal NAT_HOUR = new BigDecimal("0.045");
    private static final BigDecimal FIREWALL_ENDPOINT_HOUR = new BigDecimal("0.395");
    private static final BigDecimal INTERFACE_ENDPOINT_HOUR = new BigDecimal("0.01");
    /** Every public IPv4 address bills by the hour since February 2024, an Elastic IP of a NAT gateway too. */
    private static final BigDecimal PUBLIC_IPV4_HOUR = new BigDecimal("0.005");

    /**
     * @param units how many of them bill by the hour (a firewall or an interface endpoint bills per Availability Zone)
     */
    public record HourlyCharge(String what, int units, BigDecimal pricePerHour, BigDecimal monthly) {
    }

    public static CostEstimate of(List<JsonNode> addedResources) {
        int natGateways = 0;
        int firewallEndpoints = 0;
        int interfaceEndpoints = 0;
        int publicAddresses = 0;
        Set<String> usage = new LinkedHashSet<>();
        for (JsonNode resource : addedResources) {
            JsonNode properties = resource.path("Properties");
            switch (resource.path("Type").asText()) {
                case "AWS::EC2::NatGateway" -> {
                    natGateways++;
                    usage.add("NAT gateway: USD 0.045 per GB processed");
                }
                case "AWS::NetworkFirewall::Firewall" -> {
                    firewallEndpoints += Math.max(1, properties.path("SubnetMappings").size());
                    usage.add("Network Firewall: USD 0.065 per GB processed");
                }
                case "AWS::EC2::VPCEndpoint" -> {
                    if ("Interface".equals(properties.path("VpcEndpointType").asText())) {
                        JsonNode subnets = properties.path("SubnetIds");
                        interfaceEndpoints += subnets.isArray() ? Math.max(1, subnets.size()) : 1;
                        usage.add("Interface endpoints: USD 0.01 per GB processed");
                        if (!subnets.isArray()) {
                            usage.add("Interface endpoints in subnets given by a parameter: counted above as one "
                                    + "AZ each; every further AZ adds USD 7.30 per endpoint");
                        }
                    }
                }
                case "AWS::EC2::EIP" -> publicAddresses++;
                case "AWS::Route53Resolver::FirewallRuleGroup" ->
                        usage.add("DNS Firewall: USD 0.60 per million queries inspected");
                case "AWS::Lambda::Function" ->
                        usage.add("Helper functions: billed per request and duration, like any Lambda function");
                default -> {
                }
            }
        }
        List<HourlyCharge> hourly = new ArrayList<>();
        addHourly(hourly, "NAT gateway", natGateways, NAT_HOUR);
        addHourly(hourly, "Public IPv4 address (Elastic IP)", publicAddresses, PUBLIC_IPV4_HOUR);
        addHourly(hourly, "Network Firewall endpoint (per AZ)", firewallEndpoints, FIREWALL_ENDPOINT_HOUR);
        addHourly(hourly, "Interface VPC endpoint (per AZ)", interfaceEndpoints, INTERFACE_ENDPOINT_HOUR);
        BigDecimal total = hourly.stream().map(HourlyCharge::monthly).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        return new CostEstimate(hourly, List.copyOf(usage), total, PRICE_SOURCE);
    }

    private static void addHourly(List<HourlyCharge> hourly, String what, int units, BigDecimal price) {
        if (units > 0) {
            BigDecimal monthly = price.multiply(BigDecimal.valueOf((long) units * HOURS_PER_MONTH))
                    .setScale(2, RoundingMode.HALF_UP);
            hourly.add(new HourlyCharge(what, units, price, monthly));
        }
    }
}
