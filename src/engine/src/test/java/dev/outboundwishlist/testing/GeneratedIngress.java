package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No way in, checked: a security group the expansion added (its logical id is not in the input)
 * has no ingress rule, and no ingress resource is added — except the endpoints' group, which
 * admits HTTPS alone, from the fenced functions' group or the block of the VPC the macro built.
 */
public final class GeneratedIngress {

    private GeneratedIngress() {
    }

    public static List<String> problems(JsonNode input, JsonNode output) {
        List<String> problems = new ArrayList<>();
        Set<String> vpcBlocks = new HashSet<>();
        for (Map.Entry<String, JsonNode> resource : output.path("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals("AWS::EC2::VPC")) {
                vpcBlocks.add(resource.getValue().at("/Properties/CidrBlock").asText());
            }
        }
        for (Map.Entry<String, JsonNode> resource : output.path("Resources").properties()) {
            String id = resource.getKey();
            String type = resource.getValue().path("Type").asText();
            if (input.path("Resources").has(id)) {
                continue;
            }
            if (type.equals("AWS::EC2::SecurityGroupIngress")) {
                problems.add(id + ": an ingress rule was added");
            }
            if (!type.equals("AWS::EC2::SecurityGroup")) {
                continue;
            }
            JsonNode ingress = resource.getValue().path("Properties").path("SecurityGroupIngress");
            if (ingress.isMissingNode()) {
                continue;
            }
            if (!id.startsWith("OwlEndpointSecurityGroup")) {
                problems.add(id + ": has ingress " + ingress);
                continue;
            }
            for (JsonNode rule : ingress) {
                boolean https = rule.path("IpProtocol").asText().equals("tcp") && rule.path("FromPort").asInt() == 443
                        && rule.path("ToPort").asInt() == 443;
                boolean fromFence = rule.has("SourceSecurityGroupId")
                        ? rule.get("SourceSecurityGroupId").path("Ref").asText().startsWith("OwlFencedFunctions")
                        : vpcBlocks.contains(rule.path("CidrIp").asText());
                if (!https || !fromFence) {
                    problems.add(id + ": admits more than HTTPS from the fence: " + rule);
                }
            }
        }
        return problems;
    }
}
