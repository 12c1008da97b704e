package io.vigil.streams.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.AuditEvent;
import java.util.Set;

/** Conditions on an event's request parameters and identity, for catalogue entries. Pure and defensive. */
final class RequestFacts {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<Integer> ADMIN_PORTS = Set.of(22, 23, 3389, 5985, 5986, 5900, 3306, 5432, 1433, 1521, 6379, 9200, 27017, 2375, 2376, 445, 135, 139);

    private RequestFacts() {}

    static JsonNode params(AuditEvent e) {
        return parse(e.getRequestParameters());
    }

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.missingNode();
        }
        try {
            JsonNode n = JSON.readTree(json);
            return n == null ? JSON.missingNode() : n;
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    /** Text of the request parameters, for containment tests that must survive the many shapes AWS uses. */
    static String paramsText(AuditEvent e) {
        return e.getRequestParameters() == null ? "" : e.getRequestParameters();
    }

    private static final java.util.regex.Pattern CIDR = java.util.regex.Pattern.compile("[0-9a-fA-F:.]+/(\\d{1,3})");

    /** Any CIDR with a /0 prefix is the whole internet, whatever its address bits (0.0.0.0/0, ::/0, 1.2.3.4/0). */
    static boolean opensToWorld(AuditEvent e) {
        var m = CIDR.matcher(paramsText(e));
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The ports an ingress rule opens, if it names them: fromPort..toPort, or -1 for all. */
    static boolean opensAdminPort(AuditEvent e) {
        String p = paramsText(e);
        if (p.contains("\"ipProtocol\":\"-1\"") || p.contains("\"IpProtocol\":\"-1\"")) {
            return true;
        }
        for (JsonNode rule : params(e).findParents("fromPort")) {
            int from = rule.path("fromPort").asInt(-1);
            int to = rule.path("toPort").asInt(from);
            if (from == -1) {
                return true;
            }
            for (int port : ADMIN_PORTS) {
                if (from <= port && port <= to) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The call acts on another IAM user than the caller (access key or login profile for someone else). */
    static boolean targetsAnotherUser(AuditEvent e) {
        String target = params(e).path("userName").asText(null);
        return target != null && !target.equals(e.getUserName());
    }

    static boolean grantsAdmin(AuditEvent e) {
        String p = paramsText(e);
        return p.contains("AdministratorAccess") || p.contains("IAMFullAccess") || p.contains("PowerUserAccess")
                || p.replace("\\", "").replaceAll("\\s", "").matches(".*\"Action\":(\\[)?\"\\*\".*");
    }

    static boolean sharesOut(AuditEvent e) {
        String p = paramsText(e);
        return p.contains("\"add\"") || p.contains("valuesToAdd") || p.contains("\"group\":\"all\"") || p.contains("\"all\"");
    }

    static boolean consoleLoginWithoutMfa(AuditEvent e) {
        return parse(e.getAdditionalEventData()).path("MFAUsed").asText("").equalsIgnoreCase("No")
                && parse(e.getResponseElements()).path("ConsoleLogin").asText("").equals("Success");
    }

    static boolean attributeIs(AuditEvent e, String attribute) {
        return attribute.equalsIgnoreCase(params(e).path("attribute").asText(""));
    }

    static boolean withDecryption(AuditEvent e) {
        return params(e).path("withDecryption").asBoolean(false);
    }

    static boolean publicPrincipal(AuditEvent e) {
        String p = paramsText(e).replace("\\", "").replaceAll("\\s", "");
        return p.contains("\"Principal\":\"*\"") || p.contains("\"AWS\":\"*\"") || p.contains("\"principal\":\"*\"")
                || p.contains("AllUsers") || p.contains("AuthenticatedUsers");
    }

    static boolean disables(AuditEvent e) {
        String p = paramsText(e).replaceAll("\\s", "");
        return p.contains("\"enable\":false") || p.contains("\"Enable\":false") || p.contains("\"status\":\"DISABLED\"");
    }

    /**
     * GPU, machine-learning and FPGA families (p, g, inf, trn, dl, f, vt): compute sold for what miners need. The
     * instance type is {@code instanceType} in RunInstances' request, whichever launch shape it came in.
     */
    static boolean acceleratedInstanceType(AuditEvent e) {
        return params(e).path("instanceType").asText("").matches("(p\\d|g\\d|inf\\d|trn\\d|dl\\d|f\\d|vt\\d)[a-z0-9-]*\\..*");
    }

    /** Bare metal, memory-optimised high-memory and HPC families, and any size of 16xlarge or more. */
    static boolean veryLargeInstanceType(AuditEvent e) {
        String type = params(e).path("instanceType").asText("");
        return type.matches("(x\\d|u-|hpc)[a-z0-9-]*\\..*") || type.endsWith(".metal")
                || type.matches(".*\\.(16|18|24|32|48|56|96|112)xlarge");
    }

    static boolean customerKeyEncryption(AuditEvent e) {
        String p = paramsText(e);
        return p.contains("x-amz-server-side-encryption-customer-algorithm") || p.contains("SSECustomerAlgorithm");
    }

    static boolean rootIdentity(AuditEvent e) {
        return "Root".equals(e.getPrincipalType()) && e.getInvokedBy() == null;
    }
}
