package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.Addresses;
import io.vigil.streams.baseline.ConnectionWindow;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.brute_force}: one source opens many TCP connections (accepted or refused) to one
 * authentication service of one host within a short event-time window — SSH 22, RDP 3389, FTP 21,
 * telnet 23, VNC 5900, databases 3306/5432/1433/1521, SMB 445, mail 110/143/993/995, SMTP auth 25/587,
 * WinRM 5985/5986. Usually the source is outside and the entity is the target; when the entity itself
 * is the client, it is the one guessing passwords.
 *
 * <p>Why: each guess at a password is a connection (or a few), so a credential-guessing or spraying
 * tool shows as a rate no person at a login prompt reaches. Whether a guess succeeded is not knowable
 * from flows (an accepted connection is not a successful login), so the finding is MEDIUM, HIGH at four
 * times the threshold. No baseline is needed: the rate itself is abnormal. ATT&CK T1110 (T1110.001
 * password guessing, T1110.003 password spraying); GuardDuty UnauthorizedAccess:EC2/SSHBruteForce and
 * RDPBruteForce. Playbook: compromised-instance only for a HIGH finding whose target is ours (the entity
 * being hammered, or an internal host the entity hammers); else suspicious-activity. One finding per
 * window and severity (MEDIUM when the threshold is crossed, HIGH once more at four times it).
 *
 * <p>False positives: a load balancer health check on one of these ports (a database, SMTP) is one
 * internal source at a steady rate, and an application's connection pool to its database is many
 * connections from one internal host: both are established relations, and a window whose (peer bucket,
 * service) the entity already used before it opened is not judged; internal and outbound windows are
 * only judged once the entity has learned. A NAT gateway gathers many clients behind one address, so a
 * busy office or a partner's NAT hitting a mail or SSH bastion can cross the threshold: raise it, or
 * use the source in the evidence to suppress. Refused attempts also fire {@code flow.rejected_burst}.
 *
 * <p>Pure: reads the connection window the profile just counted the record in; no Kafka types, no clock.
 */
public final class BruteForceDetector {
    public static final String NAME = "flow.brute_force";
    private static final boolean[] AUTH = new boolean[65536];

    static {
        for (int port : new int[] {21, 22, 23, 25, 110, 143, 445, 587, 993, 995, 1433, 1521, 3306, 3389, 5432, 5900, 5985, 5986}) {
            AUTH[port] = true;
        }
    }

    private BruteForceDetector() {}

    /** Ports whose service asks for credentials on every connection. */
    static boolean authPort(int port) {
        return port >= 0 && port < 65536 && AUTH[port];
    }

    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        ConnectionWindow w = p.connections().current();
        if (w == null || Service.protocol(w.service()) != 6 || !authPort(Service.port(w.service()))
                || w.flows() < c.bruteForceFlows() || !RateWindows.judgedInbound(p, f, w)) {
            return Optional.empty();
        }
        boolean high = w.flows() >= 4L * c.bruteForceFlows();
        if (!w.fire(high ? ConnectionWindow.BRUTE_FORCE_HIGH : ConnectionWindow.BRUTE_FORCE)) {
            return Optional.empty();
        }
        w.fire(ConnectionWindow.BRUTE_FORCE); // a HIGH report stands for the MEDIUM one too
        Severity severity = high ? Severity.HIGH : Severity.MEDIUM;
        boolean inbound = !Service.client(w.service());
        int port = Service.port(w.service());
        String peer = Addresses.format(w.peerHi(), w.peerLo());
        String source = inbound ? peer : p.entity();
        String target = (inbound ? p.entity() : peer) + ":" + port;
        boolean targetOurs = inbound || !f.peerPublic();
        String service = serviceName(port);
        String span = Duration.ofMillis(w.last() - w.start()).toString();
        String summary = source + " opened " + w.flows() + " connections to " + service + " on " + target + " within " + span + " ("
                + w.accepted() + " accepted, " + w.rejects() + " refused).";
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("source", source);
        observed.put("target", target);
        observed.put("port", Integer.toString(port));
        observed.put("service_name", service);
        observed.put("rate_direction", inbound ? "inbound to us" : "outbound from us");
        observed.put("flows", Integer.toString(w.flows()));
        observed.put("accepted", Integer.toString(w.accepted()));
        observed.put("refused", Integer.toString(w.rejects()));
        observed.put("window_start", Instant.ofEpochMilli(w.start()).toString());
        observed.put("window_end", Instant.ofEpochMilli(w.last()).toString());
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("threshold_flows", Integer.toString(c.bruteForceFlows()));
        baseline.put("threshold_flows_high", Long.toString(4L * c.bruteForceFlows()));
        baseline.put("window", Duration.ofMillis(c.profile().rateWindowMillis()).toString());
        baseline.put("comparison", "no baseline is needed: the rate itself is abnormal");
        String reason = (inbound ? "One source connecting to " + service + " this often is guessing credentials"
                : "This entity connecting to another host's " + service + " this often is guessing credentials: it is likely compromised")
                + "; whether a guess succeeded is not visible in flows.";
        String guardDuty = port == 3389 ? "UnauthorizedAccess:EC2/RDPBruteForce" : "UnauthorizedAccess:EC2/SSHBruteForce";
        String playbook = high && targetOurs ? "compromised-instance" : "suspicious-activity";
        return Optional.of(FlowAlerts.alert(NAME, severity, p, f, List.of("T1110", "T1110.001", "T1110.003"), summary, observed, baseline,
                reason, peer + "|" + Service.text(w.service()) + "|" + w.start() + "|" + severity, guardDuty, playbook,
                FlowAlerts.sources(w, f)));
    }

    static String serviceName(int port) {
        return switch (port) {
            case 21 -> "FTP";
            case 22 -> "SSH";
            case 23 -> "telnet";
            case 25, 587 -> "SMTP";
            case 110, 995 -> "POP3";
            case 143, 993 -> "IMAP";
            case 445 -> "SMB";
            case 1433 -> "SQL Server";
            case 1521 -> "Oracle";
            case 3306 -> "MySQL";
            case 3389 -> "RDP";
            case 5432 -> "PostgreSQL";
            case 5900 -> "VNC";
            case 5985, 5986 -> "WinRM";
            default -> "port " + port;
        };
    }
}
