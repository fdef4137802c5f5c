package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an AWS Network Firewall passes a client-to-server flow.
 *
 * <p>Stateless stage: only the default actions (aws:pass passes without stateful inspection,
 * aws:drop drops, aws:forward_to_sfe continues); stateless rule groups are not modelled and make
 * the verdict "dropped". Stateful stage, STRICT_ORDER: rule groups by Priority, rules in order,
 * first pass/drop/reject match decides (alert continues); no match falls to
 * StatefulDefaultActions: aws:drop_established drops (the handshake alone carries no data) and
 * aws:drop_strict drops; under aws:drop_strict the handshake packets must themselves be passed,
 * which tls/http rules cannot do (the application protocol is not known yet), so only tcp/udp/ip
 * rules decide there. DEFAULT_ACTION_ORDER: any matching pass passes, else any drop drops, else
 * the flow passes. HOME_NET of a group: its IPSets.HOME_NET, else the policy's RuleVariables
 * HOME_NET, else the firewall VPC's CIDR; $EXTERNAL_NET defaults to everything outside HOME_NET.
 */
final class FirewallInspector {

    /** {@code why}: when passed, the firewall and what passed it; when dropped, a sentence. */
    record Verdict(boolean passed, String why) {
    }

    private record Group(String id, Map<String, List<Cidr>> sets, List<SuricataRule> rules) {
    }

    private static final String POLICY = "AWS::NetworkFirewall::FirewallPolicy";
    private static final String RULE_GROUP = "AWS::NetworkFirewall::RuleGroup";

    private final Cfn cfn;
    private final Map<String, List<SuricataRule>> parsed = new HashMap<>();

    FirewallInspector(Cfn cfn) {
        this.cfn = cfn;
    }

    Verdict inspect(Network.Firewall firewall, List<Cidr> vpcCidrs, SuricataRule.Flow flow) {
        String name = "firewall " + firewall.id();
        if (firewall.policy() == null) {
            return new Verdict(false, "dropped by " + name + ": its FirewallPolicyArn names no firewall policy in the template");
        }
        JsonNode policy = cfn.prop(firewall.policy(), "FirewallPolicy");
        if (policy.path("StatelessRuleGroupReferences").size() > 0) {
            return new Verdict(false, "dropped by " + name + ": stateless rule groups are not modelled");
        }
        List<String> stateless = texts(policy.path("StatelessDefaultActions"));
        if (stateless.contains("aws:drop")) {
            return new Verdict(false, "dropped by " + name + ": stateless default action aws:drop");
        }
        if (stateless.contains("aws:pass")) {
            return new Verdict(true, name + " (stateless default aws:pass)");
        }
        if (!stateless.contains("aws:forward_to_sfe")) {
            return new Verdict(false, "dropped by " + name + ": stateless default actions " + stateless);
        }

        Map<String, List<Cidr>> policySets = new HashMap<>();
        policySets.put("HOME_NET", vpcCidrs);
        policySets.putAll(ipSets(policy.path("PolicyVariables").path("RuleVariables")));

        List<JsonNode> references = new ArrayList<>();
        policy.path("StatefulRuleGroupReferences").forEach(references::add);
        references.sort(Comparator.comparingInt(r -> r.path("Priority").asInt(Integer.MAX_VALUE)));
        List<Group> groups = new ArrayList<>();
        for (JsonNode reference : references) {
            String id = cfn.target(reference.path("ResourceArn"), RULE_GROUP, true, "RuleGroupArn");
            if (id == null) {
                return new Verdict(false, "dropped by " + name + ": stateful rule group "
                        + reference.path("ResourceArn") + " is not in the template (not modelled)");
            }
            groups.add(group(id, policySets));
        }

        boolean strict = "STRICT_ORDER".equals(policy.path("StatefulEngineOptions").path("RuleOrder").asText());
        List<String> defaults = texts(policy.path("StatefulDefaultActions"));
        return strict ? strictOrder(name, groups, defaults, flow) : actionOrder(name, groups, flow);
    }

    private static Verdict strictOrder(String name, List<Group> groups, List<String> defaults, SuricataRule.Flow flow) {
        boolean dropStrict = defaults.contains("aws:drop_strict");
        for (Group group : groups) {
            for (SuricataRule rule : group.rules()) {
                if (dropStrict && rule.applicationLayer() || !rule.matches(flow, group.sets())) {
                    continue;
                }
                switch (rule.action()) {
                    case "pass":
                        return new Verdict(true, name + " (" + group.id() + " sid " + rule.sid() + ")");
                    case "drop":
                    case "reject":
                        return new Verdict(false, "dropped by " + name + " (" + group.id() + ": " + rule.text() + ")");
                    default:
                        break;
                }
            }
        }
        if (dropStrict) {
            return new Verdict(false, "dropped by " + name + ": aws:drop_strict and no tcp/udp/ip rule passes the "
                    + "handshake of " + describe(flow));
        }
        if (defaults.contains("aws:drop_established")) {
            return new Verdict(false, "dropped by " + name + ": no pass rule for " + describe(flow)
                    + " (aws:drop_established)" + sourceHint(groups, flow));
        }
        return new Verdict(true, name + " (no rule matched; default actions " + defaults + ")");
    }

    /** Names a pass rule that would match but for its source, the usual HOME_NET mistake. */
    private static String sourceHint(List<Group> groups, SuricataRule.Flow flow) {
        for (Group group : groups) {
            for (SuricataRule rule : group.rules()) {
                if (rule.action().equals("pass") && !rule.matches(flow, group.sets())
                        && rule.matches(flow, group.sets(), true)) {
                    return "; " + group.id() + " would pass it but " + flow.source() + " is not in the rule's source "
                            + rule.source().text();
                }
            }
        }
        return "";
    }

    private static Verdict actionOrder(String name, List<Group> groups, SuricataRule.Flow flow) {
        String drop = null;
        for (Group group : groups) {
            for (SuricataRule rule : group.rules()) {
                if (rule.matches(flow, group.sets())) {
                    if (rule.action().equals("pass")) {
                        return new Verdict(true, name + " (" + group.id() + " sid " + rule.sid() + ")");
                    }
                    if (drop == null && !rule.action().equals("alert")) {
                        drop = "dropped by " + name + " (" + group.id() + ": " + rule.text() + ")";
                    }
                }
            }
        }
        return drop != null ? new Verdict(false, drop)
                : new Verdict(true, name + " (default action order, no rule matched)");
    }

    private Group group(String id, Map<String, List<Cidr>> policySets) {
        JsonNode body = cfn.prop(id, "RuleGroup");
        Map<String, List<Cidr>> sets = new LinkedHashMap<>(policySets);
        sets.putAll(ipSets(body.path("RuleVariables").path("IPSets")));
        return new Group(id, sets, parsed.computeIfAbsent(id, k -> rules(k, body)));
    }

    private List<SuricataRule> rules(String id, JsonNode body) {
        if (!"STATEFUL".equals(Cfn.text(cfn.prop(id, "Type")))) {
            throw new IllegalArgumentException(id + ": only STATEFUL rule groups are modelled");
        }
        String rules = Cfn.text(body.path("RulesSource").path("RulesString"));
        if (rules == null) {
            throw new IllegalArgumentException(id + ": only RulesSource.RulesString is modelled");
        }
        List<SuricataRule> out = new ArrayList<>();
        for (String line : rules.split("\\R")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                try {
                    out.add(SuricataRule.parse(trimmed));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(id + ": " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, List<Cidr>> ipSets(JsonNode sets) {
        Map<String, List<Cidr>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : sets.properties()) {
            List<Cidr> cidrs = new ArrayList<>();
            for (JsonNode d : e.getValue().path("Definition")) {
                Cidr c = Cidr.tryParse(Cfn.text(d));
                if (c != null) {
                    cidrs.add(c);
                }
            }
            out.put(e.getKey(), cidrs);
        }
        return out;
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String describe(SuricataRule.Flow flow) {
        String what = flow.application() == null ? flow.protocol()
                : flow.application() + (flow.application().equals("tls") ? " SNI " : " Host ") + flow.serverName();
        return what + " to " + flow.destination().toString().replace("/32", "") + ":" + flow.port();
    }
}
