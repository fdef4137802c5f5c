package dev.outboundwishlist.network.evaluator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule-level details the network tests only touch indirectly. */
class SuricataRuleTest {

    private static final Map<String, List<Cidr>> HOME = Map.of("HOME_NET", List.of(Cidr.parse("10.0.0.0/16")));
    private static final Cidr SOURCE = Cidr.parse("10.0.1.0/24");

    private static SuricataRule.Flow tls(String destination, int port, String sni) {
        return new SuricataRule.Flow("tcp", SOURCE, Cidr.parse(destination), port, sni, "tls");
    }

    @Test
    void externalNetExcludesHomeNetDestinations() {
        SuricataRule rule = SuricataRule.parse("pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (sid:1;)");
        assertThat(rule.matches(tls("203.0.113.1", 443, null), HOME)).isTrue();
        assertThat(rule.matches(tls("10.0.9.9", 443, null), HOME)).isFalse();
    }

    @Test
    void aSourcePartlyOutsideHomeNetDoesNotMatch() {
        SuricataRule rule = SuricataRule.parse("pass ip $HOME_NET any -> any any (sid:1;)");
        SuricataRule.Flow wide = new SuricataRule.Flow("udp", Cidr.parse("10.0.0.0/15"), Cidr.parse("203.0.113.1"), 53, null, null);
        assertThat(rule.matches(wide, HOME)).isFalse();
    }

    @Test
    void addressListsSubtractNegatedEntries() {
        SuricataRule rule = SuricataRule.parse("pass ip any any -> [203.0.113.0/24,!203.0.113.128/25] any (sid:1;)");
        assertThat(rule.matches(tls("203.0.113.1", 443, null), HOME)).isTrue();
        assertThat(rule.matches(tls("203.0.113.200", 443, null), HOME)).isFalse();
    }

    @Test
    void portRangesListsAndNegation() {
        SuricataRule rule = SuricataRule.parse("pass tcp any any -> any [80,1000:1002,!1001] (sid:1;)");
        assertThat(rule.matches(tls("203.0.113.1", 80, null), HOME)).isTrue();
        assertThat(rule.matches(tls("203.0.113.1", 1002, null), HOME)).isTrue();
        assertThat(rule.matches(tls("203.0.113.1", 1001, null), HOME)).isFalse(); // negated entries are subtracted
        assertThat(rule.matches(tls("203.0.113.1", 81, null), HOME)).isFalse();
    }

    @Test
    void withoutNocaseTheServerNameIsCaseSensitive() {
        SuricataRule rule = SuricataRule.parse(
                "pass tls any any -> any 443 (tls.sni; content:\"api.example.com\"; startswith; endswith; sid:1;)");
        assertThat(rule.matches(tls("203.0.113.1", 443, "api.example.com"), HOME)).isTrue();
        assertThat(rule.matches(tls("203.0.113.1", 443, "API.example.com"), HOME)).isFalse();
    }

    @Test
    void theHttpHostBufferIsLowerCaseAndWithoutPort() {
        SuricataRule rule = SuricataRule.parse(
                "pass http any any -> any 80 (http.host; content:\"plain.example.net\"; startswith; endswith; sid:1;)");
        SuricataRule.Flow flow = new SuricataRule.Flow("tcp", SOURCE, Cidr.parse("203.0.113.1"), 80, "Plain.Example.NET:80", "http");
        assertThat(rule.matches(flow, HOME)).isTrue();
    }

    @Test
    void dotprefixMakesTheSuffixCoverTheApex() {
        SuricataRule rule = SuricataRule.parse(
                "pass tls any any -> any 443 (tls.sni; dotprefix; content:\".example.com\"; nocase; endswith; sid:1;)");
        assertThat(rule.matches(tls("203.0.113.1", 443, "example.com"), HOME)).isTrue();
        assertThat(rule.matches(tls("203.0.113.1", 443, "a.example.com"), HOME)).isTrue();
        assertThat(rule.matches(tls("203.0.113.1", 443, "notexample.com"), HOME)).isFalse();
    }

    @Test
    void unknownKeywordsAndContentOutsideABufferAreRejected() {
        assertThatThrownBy(() -> SuricataRule.parse("pass tls any any -> any 443 (content:\"x\"; sid:1;)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuricataRule.parse("pass tcp any any <> any 443 (sid:1;)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuricataRule.parse("pass tls any any -> any 443 (tls.sni; content:\"x\"; dotprefix; sid:1;)"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
