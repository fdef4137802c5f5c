package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Hands out readable logical ids for generated resources ({@code Owl} + a name built from what
 * they are for) that never clash with an id the template already uses in any section, with the
 * ids the SAM transform will derive from its resources, nor with one handed out before. The same
 * template always gets the same ids.
 */
public final class LogicalIdAllocator {

    static final String PREFIX = "Owl";
    private static final int MAX_LENGTH = 255;
    private static final String[] SECTIONS = {"Parameters", "Mappings", "Conditions", "Resources", "Outputs", "Rules"};

    /** Ids the SAM transform derives from a resource's id (its generated role, URL, alias). */
    private static final String[] SAM_SUFFIXES = {"Role", "Url", "UrlPublicPermissions", "Alias", "Policy"};

    private final Set<String> taken = new HashSet<>();

    public LogicalIdAllocator(ObjectNode root) {
        for (String section : SECTIONS) {
            JsonNode entries = root.get(section);
            if (entries != null && entries.isObject()) {
                for (Iterator<String> names = entries.fieldNames(); names.hasNext(); ) {
                    taken.add(names.next());
                }
            }
        }
        JsonNode resources = root.path("Resources");
        for (Iterator<String> names = resources.fieldNames(); names.hasNext(); ) {
            String id = names.next();
            if (resources.get(id).path("Type").asText().startsWith("AWS::Serverless::")) {
                for (String suffix : SAM_SUFFIXES) {
                    taken.add(id + suffix);
                }
            }
        }
    }

    /** {@code Owl} and the given parts, letters and digits only: where every allocated id begins. */
    public static String stem(String... parts) {
        StringBuilder base = new StringBuilder(PREFIX);
        for (String part : parts) {
            for (char c : part.toCharArray()) {
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    base.append(c);
                }
            }
        }
        return base.toString();
    }

    /** An id made of {@code Owl} and the given parts, letters and digits only, unique in the template. */
    public String allocate(String... parts) {
        String base = stem(parts);
        String stem = base.length() > MAX_LENGTH - 6 ? base.substring(0, MAX_LENGTH - 6) : base;
        String id = stem;
        for (int suffix = 2; !taken.add(id); suffix++) {
            id = stem + suffix;
        }
        return id;
    }
}
