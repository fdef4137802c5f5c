package dev.outboundwishlist.template;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DescriptionsTest {

    @Test
    void aNameThatFitsIsWhole() {
        assertThat(Descriptions.naming(30, "Egress of ", "Payments", " (fence)")).isEqualTo("Egress of Payments (fence)");
    }

    @Test
    void aLongNameIsCutToTheLimit() {
        String description = Descriptions.naming(30, "Egress of ", "PaymentsProcessorFunction", " (fence)");

        assertThat(description).isEqualTo("Egress of PaymentsP... (fence)").hasSize(30);
    }

    @Test
    void namesThatFitAreAllListed() {
        assertThat(Descriptions.listing(40, "Reach of ", List.of("A", "B", "C"), " only")).isEqualTo("Reach of A, B, C only");
    }

    @Test
    void asManyNamesAsFitAreListedAndTheRestCounted() {
        String description = Descriptions.listing(40, "Reach of ", List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo"),
                " only");

        assertThat(description).isEqualTo("Reach of Alpha, Bravo and 3 more only").hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void whereNoNameFitsTheyAreCounted() {
        assertThat(Descriptions.listing(30, "Reach of ", List.of("A".repeat(40), "B"), " only"))
                .isEqualTo("Reach of 2 functions only");
    }
}
