package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.streams.baseline.Addresses;
import io.vigil.streams.baseline.ConnectionWindow;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flow.dos}: a connection or packet flood between one source and one host:port within a short
 * event-time window — at least {@code dos.flows} flows (each flow record is at least one connection) or
 * {@code dos.packets} packets. Inbound: a source flooding one of our services; outbound: one of our
 * hosts flooding someone else's (the evidence says which).
 *
 * <p>Why: no legitimate single client opens hundreds of connections to one port in minutes or pushes a
 * million packets at it; inbound it threatens availability, outbound it means the instance is being used
 * as a weapon (a bot). MEDIUM, HIGH at four times either threshold. No baseline is needed: the rate
 * itself is abnormal. ATT&CK T1498 (network denial of service: packet floods) and T1499 (endpoint denial
 * of service: connection floods); GuardDuty Backdoor:EC2/DenialOfService.Tcp, .Udp, .UnusualProtocol
 * (GuardDuty reports the outbound case; the inbound one has no GuardDuty type and is tagged the same for
 * correlation). Playbook: compromised-instance for a HIGH outbound flood (our host is the attacker),
 * else suspicious-activity. One finding per window and severity.
 *
 * <p>False positives: a load balancer's health check every few seconds is at most ~200 flows in ten
 * minutes, below the default of 500; internal peers, connection pools and a busy host's DNS queries are
 * established relations, and such a window is not judged (see {@link RateWindows#judged}). A NAT gateway
 * puts many clients behind one public address, so a popular service can see one "source" cross the
 * threshold; a NAT gateway's own interface (when profiled) connects out for many hosts. Raise the
 * thresholds for such entities or suppress by source; the evidence names it.
 *
 * <p>Pure: reads the connection window the profile just counted the record in; no Kafka types, no clock.
 */
public final class DosDetector {
    public static final String NAME = "flow.dos";

    private DosDetector() {}

    public static Optional<FlowAlert> score(FlowProfile p, FlowFacts f, FlowConfig c) {
        ConnectionWindow w = p.connections().current();
        if (w == null) {
            return Optional.empty();
        }
        boolean byFlows = w.flows() >= c.dosFlows();
        boolean byPackets = w.packets() >= c.dosPackets();
        if (!byFlows && !byPackets || !RateWindows.judgedInbound(p, f, w)) {
            return Optional.empty();
        }
        boolean high = w.flows() >= 4L * c.dosFlows() || w.packets() / 4 >= c.dosPackets();
        if (!w.fire(high ? ConnectionWindow.DOS_HIGH : ConnectionWindow.DOS)) {
            return Optional.empty();
        }
        w.fire(ConnectionWindow.DOS); // a HIGH report stands for the MEDIUM one too
        Severity severity = high ? Severity.HIGH : Severity.MEDIUM;
        boolean inbound = !Service.client(w.service());
        int port = Service.port(w.service());
        int protocol = Service.protocol(w.service());
        String peer = Addresses.format(w.peerHi(), w.peerLo());
        String source = inbound ? peer : p.entity();
        String target = (inbound ? p.entity() : peer) + ":" + port + "/" + Service.protocolName(protocol);
        String span = Duration.ofMillis(w.last() - w.start()).toString();
        String summary = source + " sent " + w.flows() + " flows (" + w.packets() + " packets) to " + target + " within " + span
                + (inbound ? " (inbound flood)." : " (outbound flood from our host).");
        Map<String, String> observed = FlowAlerts.observed(f);
        observed.put("source", source);
        observed.put("target", target);
        observed.put("port", Integer.toString(port));
        observed.put("rate_direction", inbound ? "inbound to us" : "outbound from us");
        observed.put("flows", Integer.toString(w.flows()));
        observed.put("window_packets", Long.toString(w.packets()));
        observed.put("window_bytes", Long.toString(w.bytes()));
        observed.put("accepted", Integer.toString(w.accepted()));
        observed.put("refused", Integer.toString(w.rejects()));
        observed.put("window_start", Instant.ofEpochMilli(w.start()).toString());
        observed.put("window_end", Instant.ofEpochMilli(w.last()).toString());
        observed.put("exceeded", byFlows && byPackets ? "flows and packets" : byFlows ? "flows" : "packets");
        Map<String, String> baseline = FlowAlerts.baseline(p);
        baseline.put("threshold_flows", Integer.toString(c.dosFlows()));
        baseline.put("threshold_packets", Long.toString(c.dosPackets()));
        baseline.put("high_at", "4x either threshold");
        baseline.put("window", Duration.ofMillis(c.profile().rateWindowMillis()).toString());
        baseline.put("comparison", "no baseline is needed: the rate itself is abnormal");
        String reason = inbound ? "One source sending this many connections or packets to one service is flooding it."
                : "Our host sending this many connections or packets to one service is flooding it: it is likely used as a bot.";
        List<String> attack = new ArrayList<>(2);
        if (byPackets) {
            attack.add("T1498");
        }
        if (byFlows) {
            attack.add("T1499");
        }
        String guardDuty = protocol == 6 ? "Backdoor:EC2/DenialOfService.Tcp" : protocol == 17 ? "Backdoor:EC2/DenialOfService.Udp"
                : "Backdoor:EC2/DenialOfService.UnusualProtocol";
        String playbook = high && !inbound ? "compromised-instance" : "suspicious-activity";
        return Optional.of(FlowAlerts.alert(NAME, severity, p, f, List.copyOf(attack), summary, observed, baseline, reason,
                peer + "|" + Service.text(w.service()) + "|" + w.start() + "|" + severity, guardDuty, playbook, FlowAlerts.sources(w, f)));
    }
}
