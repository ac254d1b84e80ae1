package no.nystart.introduction.api;

import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.service.ParticipantReads;

/** The participant certificate (deltakerbevis, issued on completed or interrupted programme, docs/domain/introduction-programme.md#3c) as printable HTML. */
final class CertificateHtml {
    private CertificateHtml() {
    }

    static String render(Participant.Snapshot p, ParticipantReads.PlanDetails plan) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Deltakerbevis</title></head><body>");
        b.append("<h1>Deltakerbevis – introduksjonsprogram</h1>");
        b.append("<p>Deltaker: ").append(esc(p.personId().toString())).append("</p>");
        b.append("<p>Kommune: ").append(esc(p.municipality())).append("; regelverk: ").append(p.regime()).append("</p>");
        b.append("<p>Programperiode: ").append(p.startDate()).append(" – ").append(p.endedOn()).append("</p>");
        b.append("<p>Sluttmål: ").append(p.finalGoal()).append(p.finalGoalReached() != null ? (p.finalGoalReached() ? " (nådd)" : " (ikke nådd)") : "")
                .append("</p>");
        if (p.outcome() != null) {
            b.append("<p>Resultat: ").append(p.outcome()).append("</p>");
        }
        if (p.discontinuationReason() != null) {
            b.append("<p>Avbrutt: ").append(p.discontinuationReason()).append("</p>");
        }
        if (plan != null) {
            b.append("<h2>Innhold</h2><ul>");
            for (String e : plan.elements()) {
                b.append("<li>").append(esc(e)).append("</li>");
            }
            b.append("</ul><p>Norskmål: lesing ").append(plan.goalReading()).append(", lytting ").append(plan.goalListening())
                    .append(", skriving ").append(plan.goalWriting()).append(", muntlig ").append(plan.goalOral()).append("</p>");
        }
        if (p.norwegianProgress() != null) {
            b.append("<p>Norskprøve: ").append(esc(p.norwegianProgress())).append("</p>");
        }
        b.append("</body></html>");
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
