package no.nystart.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Backward-compatibility check of a schema against its released baseline: what a consumer written
 * against the baseline relies on must still hold. Breaking: a removed (or renamed) property, a
 * changed type (a type the baseline allowed is no longer allowed), a changed format or pattern, a
 * newly required property, a narrowed enum, a lowered maximum or raised minimum, and
 * {@code additionalProperties: false} where the baseline had none. Checked recursively through nested
 * objects and array items.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare(baseline, current, "", problems);
        return problems;
    }

    private static void compare(JsonNode base, JsonNode now, String path, List<String> problems) {
        String where = path.isEmpty() ? "(root)" : path;
        Set<String> baseTypes = SchemaValidityTest.types(base);
        Set<String> nowTypes = SchemaValidityTest.types(now);
        if (!nowTypes.containsAll(baseTypes)) {
            problems.add(where + ": type changed from " + baseTypes + " to " + nowTypes);
        }
        if (!Objects.equals(text(base, "format"), text(now, "format"))) {
            problems.add(where + ": format changed from " + text(base, "format") + " to " + text(now, "format"));
        }
        if (!Objects.equals(text(base, "pattern"), text(now, "pattern"))) {
            problems.add(where + ": pattern changed from " + text(base, "pattern") + " to " + text(now, "pattern"));
        }
        if (base.has("enum") || now.has("enum")) {
            if (!now.has("enum")) {
                // dropping an enum widens the accepted values: compatible
            } else if (!base.has("enum")) {
                problems.add(where + ": enum added, restricting values that were free");
            } else {
                Set<JsonNode> nowValues = new HashSet<>();
                now.get("enum").forEach(nowValues::add);
                for (JsonNode value : base.get("enum")) {
                    if (!nowValues.contains(value)) {
                        problems.add(where + ": enum value " + value + " removed");
                    }
                }
            }
        }
        bound(base, now, "minimum", where, problems, true);
        bound(base, now, "maximum", where, problems, false);
        bound(base, now, "minLength", where, problems, true);
        bound(base, now, "maxLength", where, problems, false);
        if (now.path("additionalProperties").isBoolean() && !now.get("additionalProperties").asBoolean()
                && !(base.path("additionalProperties").isBoolean() && !base.get("additionalProperties").asBoolean())) {
            problems.add(where + ": additionalProperties: false added");
        }
        JsonNode baseProperties = base.path("properties");
        JsonNode nowProperties = now.path("properties");
        baseProperties.fieldNames().forEachRemaining(name -> {
            if (!nowProperties.has(name)) {
                problems.add(where + ": property '" + name + "' removed or renamed");
            } else {
                compare(baseProperties.get(name), nowProperties.get(name), path + "/" + name, problems);
            }
        });
        Set<String> baseRequired = new HashSet<>();
        base.path("required").forEach(r -> baseRequired.add(r.asText()));
        for (JsonNode required : now.path("required")) {
            if (!baseRequired.contains(required.asText())) {
                problems.add(where + ": property '" + required.asText() + "' newly required");
            }
        }
        if (base.has("items")) {
            if (!now.has("items")) {
                problems.add(where + ": items removed");
            } else {
                compare(base.get("items"), now.get("items"), path + "[]", problems);
            }
        }
    }

    private static void bound(JsonNode base, JsonNode now, String keyword, String where, List<String> problems, boolean lower) {
        if (!now.has(keyword)) {
            return;
        }
        if (!base.has(keyword)) {
            problems.add(where + ": " + keyword + " added");
            return;
        }
        long before = base.get(keyword).asLong();
        long after = now.get(keyword).asLong();
        if (lower ? after > before : after < before) {
            problems.add(where + ": " + keyword + " narrowed from " + before + " to " + after);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }
}
