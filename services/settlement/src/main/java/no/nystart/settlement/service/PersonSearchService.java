package no.nystart.settlement.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.security.Caller;
import no.nystart.settlement.persistence.SettlementCaseEntity;

/**
 * Finds settlement cases by name and/or national id. Settlement holds names and national ids only for cases
 * registered here directly ({@code POST /cases}: resettlement quota, family reunification); asylum arrivals carry
 * neither (they are found in reception-training by name or DUF number). Bounded to {@link #LIMIT} hits; every hit is
 * written to the read audit, and a search without hits writes one row without a person.
 */
@ApplicationScoped
public class PersonSearchService {
    public static final int LIMIT = 20;
    static final int MAX_NAME_WORDS = 4;
    static final String ACTION = "POST /api/v1/persons/search";

    private final ReadAudit readAudit;

    public PersonSearchService(ReadAudit readAudit) {
        this.readAudit = readAudit;
    }

    /** Null = not given. {@code dufNumber}: settlement holds none, so a search naming one finds nobody. */
    public record Criteria(String name, String dufNumber, String nationalId) {
    }

    public record Result(List<SettlementCaseEntity> hits, boolean truncated) {
    }

    @WithTransaction
    public Uni<Result> search(Criteria criteria, Caller caller) {
        if (criteria.dufNumber() != null) {
            return audit(caller, List.of()).replaceWith(new Result(List.of(), false));
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (criteria.nationalId() != null) {
            where.append(" and nationalId = :nationalId");
            params.and("nationalId", criteria.nationalId());
        }
        List<String> words = words(criteria.name());
        for (int i = 0; i < words.size(); i++) {
            // each word starts a word of " first last"; cases without names (asylum arrivals) never match
            where.append(" and firstName is not null and lower(concat(' ', firstName, ' ', lastName)) like :w")
                    .append(i).append(" escape '\\'");
            params.and("w" + i, "% " + escapeLike(words.get(i)) + "%");
        }
        return SettlementCaseEntity.<SettlementCaseEntity>find(where + " order by lastName, firstName, personId", params)
                .range(0, LIMIT).list()
                .map(rows -> new Result(rows.size() > LIMIT ? rows.subList(0, LIMIT) : rows, rows.size() > LIMIT))
                .call(result -> audit(caller, result.hits().stream().map(c -> c.personId).toList()));
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

    private Uni<Void> audit(Caller caller, List<UUID> personIds) {
        return readAudit.record(caller.name(), caller.roles(), ACTION, null, null,
                personIds.isEmpty() ? Collections.singletonList(null) : personIds);
    }
}
