package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNameMadeOfTheStackIdsUuidFits() throws Exception {
        JsonNode output = JSON.readTree("""
                {"Resources": {"OwlFirewallA": {"Type": "AWS::NetworkFirewall::Firewall", "Properties": {
                  "FirewallName": {"Fn::Join": ["-", ["outboundwishlist-egress-a",
                    {"Fn::Select": [2, {"Fn::Split": ["/", {"Ref": "AWS::StackId"}]}]}]]}}}}}""");

        assertThat(GeneratedNames.problems(JSON.createObjectNode(), output)).isEmpty();
        assertThat(GeneratedNames.evaluate(output.at("/Resources/OwlFirewallA/Properties/FirewallName")))
                .isEqualTo("outboundwishlist-egress-a-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d");
    }

    @Test
    void aNameMadeOfTheStackNameIsTooLongForALongStackName() throws Exception {
        JsonNode output = JSON.readTree("""
                {"Resources": {"OwlFirewallPolicy": {"Type": "AWS::NetworkFirewall::FirewallPolicy",
                  "Properties": {"FirewallPolicyName": {"Fn::Sub": "${AWS::StackName}-egress"}}}}}""");

        assertThat(GeneratedNames.problems(JSON.createObjectNode(), output)).singleElement().asString()
                .startsWith("OwlFirewallPolicy: FirewallPolicyName would be 'sss");
    }

    @Test
    void namesTheTemplateHadAreNotTheExpansions() throws Exception {
        JsonNode input = JSON.readTree("""
                {"Resources": {"Rules": {"Type": "AWS::NetworkFirewall::RuleGroup",
                  "Properties": {"RuleGroupName": {"Fn::ImportValue": "rules-name"}}}}}""");

        assertThat(GeneratedNames.problems(input, input)).isEmpty();
    }

    @Test
    void aNameWithOtherCharactersIsAProblem() throws Exception {
        JsonNode output = JSON.readTree("""
                {"Resources": {"OwlFirewallRules": {"Type": "AWS::NetworkFirewall::RuleGroup",
                  "Properties": {"RuleGroupName": "allow_list"}}}}""");

        assertThat(GeneratedNames.problems(JSON.createObjectNode(), output)).containsExactly(
                "OwlFirewallRules: RuleGroupName would be 'allow_list'");
    }

    @Test
    void aDescriptionOverItsTypesLimitIsAProblem() throws Exception {
        JsonNode output = JSON.readTree("{\"Resources\": {\"OwlFSecurityGroup\": {\"Type\": \"AWS::EC2::SecurityGroup\","
                + " \"Properties\": {\"GroupDescription\": \"" + "d".repeat(256) + "\"}}}}");

        assertThat(GeneratedNames.problems(JSON.createObjectNode(), output)).containsExactly(
                "OwlFSecurityGroup: GroupDescription has 256 characters, over 255");
    }
}
