package no.nystart.reception.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.reception.persistence.ResidentEntity;

/**
 * Finds residents by name and/or DUF number for staff who may see both. Bounded: at most {@link #LIMIT} hits (one
 * more is read to know that there were more). Every hit is written to the read audit; a search without hits writes
 * one row without a person, so the search itself is on record (the criteria are not: they are personal data).
 */
@ApplicationScoped
public class PersonSearchService {
    public static final int LIMIT = 20;
    /** More words than this in a name add nothing but cost. */
    static final int MAX_NAME_WORDS = 4;

    private final ReadAudit readAudit;

    public PersonSearchService(ReadAudit readAudit) {
        this.readAudit = readAudit;
    }

    /** The criteria; null = not given. {@code nationalId}: reception holds none, so a search naming one finds nobody. */
    public record Criteria(String name, String dufNumber, String nationalId) {
    }

    public record Result(List<ResidentEntity> hits, boolean truncated) {
    }

    /**
     * @param ownCentre the caller's {@code reception_centre} claim when bound to a centre: only that centre's
     *                  residents are searched
     */
    @WithTransaction
    public Uni<Result> search(Criteria criteria, Optional<String> ownCentre, ResidentService.Reader reader) {
        Optional<UUID> centre = ownCentre.map(PersonSearchService::uuidOrNull);
        if (criteria.nationalId() != null || (ownCentre.isPresent() && centre.isEmpty())) {
            // no national ids here; a centre claim that names no centre matches no resident
            return audit(reader, List.of()).replaceWith(new Result(List.of(), false));
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (centre.isPresent()) {
            where.append(" and receptionCentreId = :centre");
            params.and("centre", centre.get());
        }
        if (criteria.dufNumber() != null) {
            where.append(" and dufNumber = :duf");
            params.and("duf", criteria.dufNumber());
        }
        List<String> words = words(criteria.name());
        for (int i = 0; i < words.size(); i++) {
            // each word starts a word of " first last" (the leading space makes the first name a word too)
            where.append(" and lower(concat(' ', firstName, ' ', lastName)) like :w").append(i).append(" escape '\\'");
            params.and("w" + i, "% " + escapeLike(words.get(i)) + "%");
        }
        return ResidentEntity.<ResidentEntity>find(where + " order by lastName, firstName, personId", params)
                .range(0, LIMIT).list()
                .map(rows -> new Result(rows.size() > LIMIT ? rows.subList(0, LIMIT) : rows, rows.size() > LIMIT))
                .call(result -> audit(reader, result.hits().stream().map(r -> r.personId).toList()));
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> words(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        return Arrays.stream(name.trim().toLowerCase(Locale.ROOT).split("\\s+")).limit(MAX_NAME_WORDS).toList();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Uni<Void> audit(ResidentService.Reader reader, List<UUID> personIds) {
        return readAudit.record(reader.name(), reader.roles(), reader.endpoint(), reader.purpose(), null,
                personIds.isEmpty() ? Collections.singletonList(null) : personIds);
    }
}
