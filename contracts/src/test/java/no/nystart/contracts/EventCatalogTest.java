package no.nystart.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue is exactly the v1 catalogue of docs/architecture.md, with one schema per event and no strays. */
class EventCatalogTest {

    /** docs/architecture.md, "Event catalogue (v1), producer → type". */
    private static final Map<String, List<String>> ARCHITECTURE_CATALOGUE = new LinkedHashMap<>();

    static {
        ARCHITECTURE_CATALOGUE.put("reception-training", List.of("ResidentRegistered", "ResidencePermitGranted",
                "MandatoryTrainingCompleted", "TrainingExemptionGranted", "CompetenceMapped", "CareerGuidanceCompleted",
                "ResidentLeftReception"));
        ARCHITECTURE_CATALOGUE.put("settlement", List.of("PersonRegisteredForSettlement", "MunicipalityDecisionRegistered",
                "SettlementProposed", "PersonSettled", "PersonRelocated", "SettlementCaseClosed"));
        ARCHITECTURE_CATALOGUE.put("introduction-programme", List.of("IntroductionProgrammeStarted",
                "IntroductionProgrammePaused", "IntroductionProgrammeResumed", "IntroductionProgrammeCompleted",
                "IntroductionProgrammeDiscontinued"));
        ARCHITECTURE_CATALOGUE.put("adult-education", List.of("LearnerRightsEstablished", "LearnerEnrolled",
                "NorwegianTestCompleted", "SocialStudiesTestCompleted", "CourseCompleted"));
        ARCHITECTURE_CATALOGUE.put("grant-accounting", List.of("GrantClaimRegistered", "GrantClaimReversed",
                "GrantStatementIssued"));
    }

    @Test
    void catalogueMatchesArchitecturePerProducer() {
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Class<? extends NyStartEvent> eventClass : EventCatalog.all()) {
            EventType type = NyStartEvent.typeOf(eventClass);
            actual.computeIfAbsent(Topics.producer(type.topic()), k -> new java.util.ArrayList<>()).add(type.name());
        }
        assertEquals(ARCHITECTURE_CATALOGUE, actual);
        assertEquals(26, EventCatalog.all().size());
    }

    @Test
    void everyEventIsAVersionOneRecordOnAPublicTopicNamedLikeItsClass() {
        for (Class<? extends NyStartEvent> eventClass : EventCatalog.all()) {
            EventType type = NyStartEvent.typeOf(eventClass);
            assertTrue(eventClass.isRecord(), eventClass + " must be a record");
            assertEquals(eventClass.getSimpleName(), type.name());
            assertEquals(1, type.version());
            assertTrue(Topics.all().contains(type.topic()), type.topic());
            String expectedPackage = switch (Topics.producer(type.topic())) {
                case "reception-training" -> "reception";
                case "settlement" -> "settlement";
                case "introduction-programme" -> "introduction";
                case "adult-education" -> "adulteducation";
                default -> "grants";
            };
            assertEquals("no.nystart.contracts." + expectedPackage, eventClass.getPackageName());
        }
    }

    @Test
    void lookupByCeTypeAndName() {
        assertEquals(no.nystart.contracts.settlement.PersonSettled.class,
                EventCatalog.byCeType("no.nystart.PersonSettled.v1").orElseThrow());
        assertTrue(EventCatalog.byCeType("no.nystart.PersonSettled.v2").isEmpty());
        assertTrue(EventCatalog.byCeType(null).isEmpty());
        assertEquals(no.nystart.contracts.grants.GrantStatementIssued.class, EventCatalog.byName("GrantStatementIssued").orElseThrow());
        assertEquals(6, EventCatalog.onTopic(Topics.SETTLEMENT).size());
        assertEquals("/nystart/grant-accounting", EventType.Attributes.source(NyStartEvent.typeOf(
                no.nystart.contracts.grants.GrantClaimRegistered.class)));
    }

    @Test
    void everyAnnotatedEventClassIsInTheCatalogue() throws URISyntaxException {
        Path root = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> annotated = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("no/nystart/contracts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = root.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> cls = Class.forName(className, false, getClass().getClassLoader());
                if (cls.isAnnotationPresent(EventType.class)) {
                    annotated.add(cls.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        Set<String> catalogued = EventCatalog.all().stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogued, annotated);
    }

    @Test
    void everySchemaFileBelongsToACatalogueEventAndViceVersa() {
        Set<String> files = ContractFiles.schemaFiles(ContractFiles.SCHEMA_DIR).stream()
                .map(ContractFiles::eventName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> names = EventCatalog.all().stream().map(c -> NyStartEvent.typeOf(c).name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, files);
        for (Class<? extends NyStartEvent> eventClass : EventCatalog.all()) {
            String id = ContractFiles.schema(eventClass).path("$id").asText();
            assertEquals(EventType.Attributes.dataSchema(NyStartEvent.typeOf(eventClass)), id);
        }
    }

    @Test
    void theCountyDocumentationDescribesEveryEventWithAnExample() {
        String docs = ContractFiles.read(ContractFiles.MODULE.getParent().resolve("docs/events.md"));
        for (Class<? extends NyStartEvent> eventClass : EventCatalog.all()) {
            EventType type = NyStartEvent.typeOf(eventClass);
            int section = docs.indexOf("\n### " + type.name() + "\n");
            assertTrue(section >= 0, "docs/events.md has no section for " + type.name());
            String exampleKey = "\"" + (ContractFiles.schema(eventClass).path("properties").has("personId") ? "personId" : "municipality") + "\"";
            assertTrue(docs.indexOf("```json", section) > 0 && docs.indexOf(exampleKey, section) > 0,
                    "docs/events.md has no example for " + type.name());
            assertTrue(docs.contains(type.topic()), type.topic());
        }
    }
}
