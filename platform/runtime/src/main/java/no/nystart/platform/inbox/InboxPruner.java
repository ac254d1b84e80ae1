package no.nystart.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes inbox rows older than {@code nystart.inbox.retention} (default 30 days). A row only has to
 * outlive every possible redelivery of its event: keep the retention longer than the topics'
 * retention (7 days in the Kafka defaults) plus the longest consumer outage you plan for.
 */
@ApplicationScoped
public class InboxPruner {
    private static final Logger LOG = Logger.getLogger(InboxPruner.class);

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Duration retention;

    public InboxPruner(AgroalDataSource dataSource, Clock clock,
            @ConfigProperty(name = "nystart.inbox.retention", defaultValue = "P30D") Duration retention) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(every = "${nystart.inbox.prune-interval:1h}", delayed = "${nystart.outbox.initial-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "nystart-inbox-pruner")
    void scheduledPrune() {
        prune();
    }

    /** Deletes expired rows in bounded batches; returns how many. */
    public int prune() {
        int deleted = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from nystart_inbox where ctid in (select ctid from nystart_inbox "
                                + "where processed_at < ? limit 10000)")) {
            int n;
            do {
                delete.setTimestamp(1, Timestamp.from(clock.instant().minus(retention)));
                n = delete.executeUpdate();
                deleted += n;
            } while (n == 10000);
        } catch (SQLException e) {
            LOG.warnf("Inbox pruning failed: %s", e.toString());
        }
        return deleted;
    }
}
