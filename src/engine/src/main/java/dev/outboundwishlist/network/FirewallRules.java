package dev.outboundwishlist.network;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Suricata rules of one profile's stateful rule group (strict order; the policy drops every
 * established flow no rule passes). Port 80 is checked by the HTTP Host header, every other port
 * by the TLS server name. {@code *.x} means the subdomains of x only, so it is matched as a
 * suffix {@code .x}, never as the domain-list form that would also allow x itself.
 */
final class FirewallRules {

    private FirewallRules() {
    }

    /** @param firstSid unique across the policy: each profile gets its own range */
    static String of(NetworkPlan.Profile profile, int firstSid) {
        List<String> rules = new ArrayList<>();
        int sid = firstSid;
        for (OutboundAccess.AllowEntry entry : profile.entries()) {
            if (entry instanceof OutboundAccess.Domain domain) {
                for (int port : domain.ports()) {
                    rules.add(domainRule(profile, domain, port, sid++));
                }
            } else if (entry instanceof OutboundAccess.Cidr cidr && !cidr.cidr().contains(":")) {
                List<String> protocols = cidr.protocol().equals("all")
                        ? cidr.ports().isEmpty() ? List.of("ip") : List.of("tcp", "udp")
                        : List.of(cidr.protocol());
                for (String protocol : protocols) {
                    rules.add("pass " + protocol + " $HOME_NET any -> " + cidr.cidr() + " " + ports(cidr.ports())
                            + " (flow:to_server; msg:\"" + profile.name() + " allows " + cidr.cidr() + "\"; sid:"
                            + sid++ + "; rev:1;)");
                }
            }
        }
        return String.join("\n", rules) + "\n";
    }

    /** How many rules {@link #of} writes, for the rule group's capacity. */
    static int count(NetworkPlan.Profile profile) {
        return (int) of(profile, 1).lines().count();
    }

    private static String domainRule(NetworkPlan.Profile profile, OutboundAccess.Domain domain, int port, int sid) {
        boolean http = port == 80;
        // Suricata keeps http.host lowercase and rejects nocase on it; names are lowercase already.
        String nocase = http ? "" : " nocase;";
        String match = domain.wildcard()
                ? "content:\"." + domain.name() + "\";" + nocase + " endswith;"
                : "content:\"" + domain.name() + "\";" + nocase + " startswith; endswith;";
        return "pass " + (http ? "http" : "tls") + " $HOME_NET any -> $EXTERNAL_NET " + port + " ("
                + (http ? "http.host; " : "tls.sni; ") + match + " flow:to_server; msg:\"" + profile.name()
                + " allows " + (domain.wildcard() ? "*." : "") + domain.name() + ":" + port + "\"; sid:" + sid
                + "; rev:1;)";
    }

    private static String ports(List<Integer> ports) {
        if (ports.isEmpty()) {
            return "any";
        }
        return ports.size() == 1 ? String.valueOf(ports.get(0))
                : ports.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
