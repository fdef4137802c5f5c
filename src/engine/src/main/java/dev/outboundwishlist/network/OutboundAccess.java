package dev.outboundwishlist.network;

import dev.outboundwishlist.diagnostics.TemplatePath;

import java.util.List;

/**
 * A function's OutboundNetworkAccess, read and checked: no public egress at all
 * ({@code Enabled: false}), or an allow-list of domains and networks, plus the AWS services it
 * reaches through VPC endpoints.
 *
 * @param path where it was written (the function's property, or Globals.Function's)
 */
public record OutboundAccess(boolean enabled, List<AllowEntry> allowList, List<String> awsServices, TemplatePath path) {

    /** One allowed destination. */
    public sealed interface AllowEntry {
    }

    /**
     * An exact host name, or with {@code wildcard} any subdomain of {@code name} (not the apex).
     * Port 443 is TLS (the firewall checks SNI), port 80 HTTP (it checks Host).
     */
    public record Domain(String name, boolean wildcard, List<Integer> ports) implements AllowEntry {
    }

    /** A network, on the listed ports (all when empty), for a protocol: tcp, udp or all. */
    public record Cidr(String cidr, List<Integer> ports, String protocol) implements AllowEntry {
    }

    /** True for the isolated profile: no public egress, AWS services only. */
    public boolean isolated() {
        return !enabled;
    }
}
