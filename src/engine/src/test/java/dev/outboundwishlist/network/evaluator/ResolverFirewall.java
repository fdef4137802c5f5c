package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Route 53 Resolver DNS Firewall as the VPC resolver applies it: rule groups associated with the
 * VPC by association Priority, inside each its rules by Priority, the first rule whose domain list
 * matches decides (ALLOW and ALERT resolve, BLOCK does not, whatever its BlockResponse); no match
 * resolves. Domain entries: "host" exact, "*.suffix" subdomains only (not the apex), "*"
 * everything; case-insensitive, one trailing dot ignored. Domain lists loaded from a file
 * (DomainFileUrl) or not in the template are rejected with an exception.
 */
final class ResolverFirewall {

    record Answer(boolean resolved, String why) {
    }

    private record Step(int priority, JsonNode node) {
    }

    private static final String LIST = "AWS::Route53Resolver::FirewallDomainList";
    private static final String GROUP = "AWS::Route53Resolver::FirewallRuleGroup";

    private final Cfn cfn;

    ResolverFirewall(Cfn cfn) {
        this.cfn = cfn;
    }

    Answer resolve(String vpc, String name) {
        String query = normalise(name);
        List<Step> associations = new ArrayList<>();
        for (String id : cfn.ids("AWS::Route53Resolver::FirewallRuleGroupAssociation")) {
            if (vpc != null && vpc.equals(cfn.target(cfn.prop(id, "VpcId"), Network.VPC, true, "VpcId"))) {
                associations.add(new Step(cfn.prop(id, "Priority").asInt(Integer.MAX_VALUE),
                        cfn.resolve(cfn.rawProperties(id))));
            }
        }
        associations.sort(Comparator.comparingInt(Step::priority));
        for (Step association : associations) {
            String group = cfn.target(association.node().path("FirewallRuleGroupId"), GROUP, true, "Id");
            if (group == null) {
                throw new IllegalArgumentException("DNS firewall rule group " + association.node().path("FirewallRuleGroupId")
                        + " is not in the template (not modelled)");
            }
            List<Step> rules = new ArrayList<>();
            cfn.prop(group, "FirewallRules").forEach(r -> rules.add(new Step(r.path("Priority").asInt(Integer.MAX_VALUE), r)));
            rules.sort(Comparator.comparingInt(Step::priority));
            for (Step rule : rules) {
                String list = cfn.target(rule.node().path("FirewallDomainListId"), LIST, true, "Id");
                if (list == null) {
                    throw new IllegalArgumentException(group + ": domain list " + rule.node().path("FirewallDomainListId")
                            + " is not in the template (not modelled)");
                }
                if (Cfn.isPresent(cfn.prop(list, "DomainFileUrl"))) {
                    throw new IllegalArgumentException(list + ": DomainFileUrl is not modelled");
                }
                String entry = matchingEntry(cfn.prop(list, "Domains"), query);
                if (entry != null) {
                    String action = rule.node().path("Action").asText();
                    String why = "DNS firewall " + group + " rule " + rule.priority() + " (" + action + ", list " + list
                            + " entry " + entry + ")";
                    return new Answer(!action.equals("BLOCK"), why);
                }
            }
        }
        return new Answer(true, "no DNS firewall rule matches " + query);
    }

    private static String matchingEntry(JsonNode domains, String query) {
        for (JsonNode d : domains) {
            String text = Cfn.text(d);
            if (text == null) {
                continue;
            }
            String entry = normalise(text);
            boolean hit = entry.equals("*")
                    || (entry.startsWith("*.") ? query.endsWith(entry.substring(1)) : query.equals(entry));
            if (hit) {
                return text;
            }
        }
        return null;
    }

    static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
