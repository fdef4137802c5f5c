package dev.outboundwishlist.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Engine;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wish list's own example: its definition with "Catch: Catch failure" written once expands to
 * exactly the states of its "today" version, with a Catch on every state (both are kept in the
 * corpus case catch/wish-example; the comment line differs between the two and is the user's).
 */
class WishListExampleTest {

    @Test
    void theWishExpandsToTheTodayVersion() throws Exception {
        Path folder = GoldenCase.ROOT.resolve("catch/wish-example");
        JsonNode expanded = Engine.standard().run(folder.resolve("input.yaml"), Environment.offline())
                .template().orElseThrow().at("/Resources/Workflow/Properties/Definition");
        JsonNode today = TemplateReader.read(folder.resolve("today.asl.yaml")).root();
        assertThat(expanded.get("StartAt")).isEqualTo(today.get("StartAt"));
        assertThat(expanded.get("States")).isEqualTo(today.get("States"));
    }
}
