package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only view of a template's resources with the intrinsic functions evaluated the way
 * CloudFormation would, as far as they can be offline.
 *
 * <p>A {@code Ref} or {@code Fn::GetAtt} to a resource cannot produce the physical value, so it
 * produces an opaque token ({@code {{Ref X}}}, {@code {{GetAtt X.Attr}}}) that {@link #target}
 * maps back to the logical id, checking that the resource has the expected type and that the
 * reference returns the expected kind of value (for example {@code Ref} of an EIP is its public
 * IP, not the allocation id a NAT gateway needs). {@code Fn::GetAtt Firewall.EndpointIds} yields
 * {@code "<az>:<endpoint token>"} strings, one per subnet mapping, so the usual
 * Select/Split/Select expression is evaluated rather than pattern-matched.
 *
 * <p>Not modelled: resource {@code Condition}s (every resource is assumed present), {@code Fn::If},
 * {@code Fn::ImportValue}; such values become an unresolved token that matches nothing.
 * {@code Fn::GetAZs} returns six zones {@code <region>a..f}.
 */
final class Cfn {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern TOKEN = Pattern.compile("\\{\\{(Ref|GetAtt|FirewallEndpoint) ([^ .}]+)(?:[. ]([^}]+))?}}");
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");

    /** What a token names: a logical id and the attribute (null for Ref). */
    record Reference(String kind, String logicalId, String detail) {
    }

    private final JsonNode template;
    private final JsonNode resources;
    private final String region;
    private final String accountId;

    Cfn(JsonNode template, String region, String accountId) {
        this.template = template;
        this.resources = template.path("Resources");
        this.region = region;
        this.accountId = accountId;
    }

    String accountId() {
        return accountId;
    }

    String region() {
        return region;
    }

    JsonNode template() {
        return template;
    }

    /** Logical ids of resources of any of the given types, in template order. */
    List<String> ids(String... types) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            for (String type : types) {
                if (type.equals(e.getValue().path("Type").asText())) {
                    out.add(e.getKey());
                }
            }
        }
        return out;
    }

    String type(String logicalId) {
        return resources.path(logicalId).path("Type").asText(null);
    }

    /** A property with intrinsics evaluated; MissingNode when absent. */
    JsonNode prop(String logicalId, String name) {
        return resolve(resources.path(logicalId).path("Properties").path(name));
    }

    JsonNode rawProperties(String logicalId) {
        return resources.path(logicalId).path("Properties");
    }

    static boolean isPresent(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /**
     * The logical id of the resource of {@code type} the (resolved) value refers to, when the
     * reference returns that resource's id: a Ref when {@code refOk}, or GetAtt of one of
     * {@code attributes}. Null otherwise.
     */
    String target(JsonNode value, String type, boolean refOk, String... attributes) {
        Reference r = reference(value);
        if (r == null || !type.equals(type(r.logicalId()))) {
            return null;
        }
        if (r.kind().equals("Ref")) {
            return refOk ? r.logicalId() : null;
        }
        if (r.kind().equals("GetAtt")) {
            for (String a : attributes) {
                if (a.equals(r.detail())) {
                    return r.logicalId();
                }
            }
        }
        return null;
    }

    static Reference reference(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        Matcher m = TOKEN.matcher(value.asText());
        return m.matches() ? new Reference(m.group(1), m.group(2), m.group(3)) : null;
    }

    static String firewallEndpointToken(String firewall, String subnet) {
        return "{{FirewallEndpoint " + firewall + " " + subnet + "}}";
    }

    /** Text of a resolved scalar, or null when absent/unresolved/not scalar. */
    static String text(JsonNode node) {
        if (!isPresent(node) || node.isContainerNode()) {
            return null;
        }
        String s = node.asText();
        return s.startsWith("{{Unresolved") ? null : s;
    }

    JsonNode resolve(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (node.isArray()) {
            ArrayNode out = F.arrayNode();
            for (JsonNode item : node) {
                JsonNode r = resolve(item);
                if (!r.isMissingNode()) {
                    out.add(r);
                }
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return intrinsic(key, node.get(key));
            }
        }
        ObjectNode out = F.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode r = resolve(e.getValue());
            if (!r.isMissingNode()) {
                out.set(e.getKey(), r);
            }
        }
        return out;
    }

    private JsonNode intrinsic(String fn, JsonNode arg) {
        switch (fn) {
            case "Ref":
                return ref(arg.asText());
            case "Fn::GetAtt": {
                String id;
                String attr;
                if (arg.isTextual()) {
                    int dot = arg.asText().indexOf('.');
                    id = dot < 0 ? arg.asText() : arg.asText().substring(0, dot);
                    attr = dot < 0 ? "" : arg.asText().substring(dot + 1);
                } else {
                    id = arg.path(0).asText();
                    attr = text(resolve(arg.path(1)));
                }
                return getAtt(id, attr);
            }
            case "Fn::Sub":
                return sub(arg);
            case "Fn::Join": {
                String delimiter = arg.path(0).asText();
                JsonNode items = resolve(arg.path(1));
                List<String> parts = new ArrayList<>();
                for (JsonNode item : items) {
                    String t = text(item);
                    if (t == null) {
                        return unresolved("Join");
                    }
                    parts.add(t);
                }
                return TextNode.valueOf(String.join(delimiter, parts));
            }
            case "Fn::Select": {
                JsonNode index = resolve(arg.path(0));
                JsonNode list = resolve(arg.path(1));
                int i;
                try {
                    i = Integer.parseInt(index.asText());
                } catch (NumberFormatException e) {
                    return unresolved("Select");
                }
                return list.isArray() && i >= 0 && i < list.size() ? list.get(i) : unresolved("Select");
            }
            case "Fn::Split": {
                String delimiter = arg.path(0).asText();
                String source = text(resolve(arg.path(1)));
                if (source == null || delimiter.isEmpty()) {
                    return unresolved("Split");
                }
                ArrayNode out = F.arrayNode();
                for (String part : source.split(Pattern.quote(delimiter), -1)) {
                    out.add(part);
                }
                return out;
            }
            case "Fn::GetAZs": {
                ArrayNode out = F.arrayNode();
                for (char c = 'a'; c <= 'f'; c++) {
                    out.add(region + c);
                }
                return out;
            }
            case "Fn::FindInMap": {
                JsonNode value = template.path("Mappings").path(text(resolve(arg.path(0))))
                        .path(text(resolve(arg.path(1)))).path(text(resolve(arg.path(2))));
                return value.isMissingNode() ? unresolved("FindInMap") : resolve(value);
            }
            default:
                return unresolved(fn);
        }
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::Region":
                return TextNode.valueOf(region);
            case "AWS::AccountId":
                return TextNode.valueOf(accountId);
            case "AWS::Partition":
                return TextNode.valueOf(region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws");
            case "AWS::URLSuffix":
                return TextNode.valueOf(region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");
            case "AWS::NoValue":
                return MissingNode.getInstance();
            default:
                break;
        }
        if (resources.has(name)) {
            return TextNode.valueOf("{{Ref " + name + "}}");
        }
        JsonNode parameter = template.path("Parameters").path(name);
        if (parameter.has("Default")) {
            return parameter.get("Default");
        }
        return unresolved("Ref " + name);
    }

    private JsonNode getAtt(String id, String attr) {
        if (!resources.has(id) || attr == null) {
            return unresolved("GetAtt " + id);
        }
        if ("AWS::NetworkFirewall::Firewall".equals(type(id)) && attr.equals("EndpointIds")) {
            ArrayNode out = F.arrayNode();
            for (JsonNode mapping : prop(id, "SubnetMappings")) {
                String subnet = target(mapping.path("SubnetId"), "AWS::EC2::Subnet", true, "SubnetId");
                String az = subnet == null ? null : text(prop(subnet, "AvailabilityZone"));
                out.add((az == null ? "unknown-az" : az) + ":" + firewallEndpointToken(id, subnet));
            }
            return out;
        }
        return TextNode.valueOf("{{GetAtt " + id + "." + attr + "}}");
    }

    private JsonNode sub(JsonNode arg) {
        String pattern = arg.isArray() ? arg.path(0).asText() : arg.asText();
        JsonNode variables = arg.isArray() ? arg.path(1) : MissingNode.getInstance();
        Matcher m = SUB_VAR.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}";
            } else if (variables.has(name)) {
                value = text(resolve(variables.get(name)));
            } else if (name.contains(".")) {
                value = text(getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1)));
            } else {
                value = text(ref(name));
            }
            if (value == null) {
                return unresolved("Sub " + name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static JsonNode unresolved(String what) {
        return TextNode.valueOf("{{Unresolved " + what + "}}");
    }
}
