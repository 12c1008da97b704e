package io.vigil.streams.detect.sigma.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.streams.detect.sigma.rule.ParseResult;
import io.vigil.streams.detect.sigma.rule.RuleParser;
import io.vigil.streams.detect.sigma.rule.RuleProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure engine: each line a detection (YAML flow style), an event, and whether it matches. */
class SigmaEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = """
            {"eventName":"PutBucketVersioning","eventSource":"s3.amazonaws.com","sourceIPAddress":"10.1.2.3","userAgent":"S3 Browser 11.2",
             "errorCode":null,"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/bob","userName":"bob"},
             "requestParameters":{"bucketName":"logs","VersioningConfiguration":{"Status":"Suspended"},"cmd":"powershell /enc SQBFAFgA",
               "tags":["a","prod-1"],"count":12,"encoded":"aGVsbG8gd29ybGQ="},
             "responseElements":{"publiclyAccessible":true}}""";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "{s: {eventName: putbucketversioning}, condition: s} => true",
            "{s: {eventName: [DeleteBucket, PutBucketVersioning]}, condition: s} => true",
            "{s: {eventName: Put*Versioning}, condition: s} => true",
            "{s: {eventName: 'Put?ucketVersioning'}, condition: s} => true",
            "{s: {eventName: 'Put\\*'}, condition: s} => false",
            "{s: {eventName|cased: putbucketversioning}, condition: s} => false",
            "{s: {requestParameters|contains: suspended}, condition: s} => true",
            "{s: {requestParameters.VersioningConfiguration.Status: Suspended}, condition: s} => true",
            "{s: {userAgent|startswith: 's3 browser'}, condition: s} => true",
            "{s: {userAgent|endswith: '11.2'}, condition: s} => true",
            "{s: {userAgent|contains|all: [S3, Browser, '12']}, condition: s} => false",
            "{s: {userAgent|contains|all: [S3, Browser, '11']}, condition: s} => true",
            "{s: {userIdentity.arn|re: ':user/b.b$'}, condition: s} => true",
            "{s: {userIdentity.arn|re: ':USER/'}, condition: s} => false",
            "{s: {userIdentity.arn|re|i: ':USER/'}, condition: s} => true",
            "{s: {sourceIPAddress|cidr: 10.0.0.0/8}, condition: s} => true",
            "{s: {sourceIPAddress|cidr: [192.168.0.0/16, 172.16.0.0/12]}, condition: s} => false",
            "{s: {errorCode: null}, condition: s} => true",
            "{s: {errorMessage: null}, condition: s} => true",
            "{s: {userAgent: null}, condition: s} => false",
            "{s: {errorCode|exists: false}, condition: s} => true",
            "{s: {userAgent|exists: true}, condition: s} => true",
            "{s: {requestParameters.tags: prod-1}, condition: s} => true",
            "{s: {requestParameters.count|gte: 12}, condition: s} => true",
            "{s: {requestParameters.count|gt: 12}, condition: s} => false",
            "{s: {responseElements.publiclyAccessible: 'true'}, condition: s} => true",
            "{s: {requestParameters.encoded|base64: 'hello world'}, condition: s} => true",
            "{s: {requestParameters.encoded|base64offset|contains: 'world'}, condition: s} => true",
            "{s: {requestParameters.cmd|windash|contains: ' -enc '}, condition: s} => true",
            "{s: {userIdentity.userName|fieldref: requestParameters.bucketName}, condition: s} => false",
            "{s: [{eventName: X}, {userAgent|contains: browser}], condition: s} => true",
            "{k: [nothing-here, 'S3 BROWSER'], condition: k} => true",
            "{a: {eventName: PutBucketVersioning}, b: {userAgent|contains: curl}, condition: a and not b} => true",
            "{a: {eventName: PutBucketVersioning}, b: {userAgent|contains: curl}, condition: a and b} => false",
            "{sel_1: {eventName: X}, sel_2: {eventSource: s3.amazonaws.com}, condition: 1 of sel_*} => true",
            "{sel_1: {eventName: X}, sel_2: {eventSource: s3.amazonaws.com}, condition: all of sel_*} => false",
            "{a: {eventName: X}, b: {eventSource: s3.amazonaws.com}, condition: 1 of them} => true",
            "{a: {eventName: X}, b: {eventSource: s3.amazonaws.com}, condition: not (a or not b)} => true",
    })
    void detection(String detection, boolean matches) throws Exception {
        SigmaEngine engine = SigmaEngine.build(rule(detection));
        assertThat(engine.problems()).isEmpty();
        assertThat(engine.match(EventView.of(JSON.readTree(EVENT)))).hasSize(matches ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "{s: {eventName|utf16le|base64: x}, condition: s} => eventName|utf16le|base64 => modifier 'utf16le' is not supported",
            "{s: {eventName: x}, condition: s | count() > 5} => condition: s | count() > 5 => Sigma v1 aggregation",
            "{s: {eventName: x}, condition: 2 of s*} => condition: 2 of s* => '2 of' is not supported",
            "{s: {eventName: x}, condition: s and t} => condition: s and t => 't' is not a search identifier",
            "{s: {eventName|re: '(unclosed'}, condition: s} => eventName|re: (unclosed => not a valid regular expression",
            "{s: {sourceIPAddress|cidr: 10.0.0/33}, condition: s} => sourceIPAddress|cidr: 10.0.0/33 => not a CIDR block",
            "{s: {eventName: x}, timeframe: 5m, condition: s} => detection.timeframe: 5m => Sigma v1 timeframes",
    })
    void unsupportedConstructsAreReportedExactly(String detection, String construct, String reason) {
        SigmaEngine engine = SigmaEngine.build(rule(detection));
        assertThat(engine.ruleCount()).isZero();
        assertThat(engine.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("r-1");
            assertThat(p.construct()).isEqualTo(construct);
            assertThat(p.reason()).contains(reason);
        });
    }

    @Test
    void aRuleForAnotherLogSourceIsReportedNotSilentlyIdle() {
        ParseResult r = RuleParser.parse("win.yml", "title: t\nid: w\nlogsource: {product: windows}\ndetection: {s: {EventID: 1}, condition: s}\n");
        assertThat(r.problems()).extracting(RuleProblem::reason).singleElement().asString().contains("only product: aws, service: cloudtrail");
    }

    @Test
    void indexSendsEachEventOnlyToRulesThatCanMatchIt() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            yaml.append("title: r").append(i).append("\nid: r").append(i).append("\nlogsource: {product: aws, service: cloudtrail}\n")
                    .append("detection: {s: {eventSource: s3.amazonaws.com, eventName: Api").append(i).append("}, condition: s}\n---\n");
        }
        yaml.append("title: any\nid: any\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {userAgent|contains: browser}, condition: s}\n");
        SigmaEngine engine = SigmaEngine.build(RuleParser.parse("many", yaml.toString()));
        assertThat(engine.ruleCount()).isEqualTo(501);
        assertThat(engine.residualRules()).isEqualTo(1);
        assertThat(engine.indexedFields()).containsEntry("eventName", 500);
        var view = EventView.of(JSON.readTree("{\"eventName\":\"Api42\",\"eventSource\":\"s3.amazonaws.com\",\"userAgent\":\"S3 Browser\"}"));
        assertThat(engine.match(view)).extracting(m -> m.rule().id()).containsExactlyInAnyOrder("r42", "any");
    }

    @Test
    void matchNamesTheSelectionsThatHeld() throws Exception {
        SigmaEngine engine = SigmaEngine.build(rule("{sel: {eventName: PutBucketVersioning}, filter: {userAgent|contains: curl}, condition: sel and not filter}"));
        assertThat(engine.match(EventView.of(JSON.readTree(EVENT)))).singleElement().satisfies(m -> assertThat(m.holding()).containsExactly("sel"));
    }

    private static ParseResult rule(String detection) {
        return RuleParser.parse("test", "title: test\nid: r-1\nlevel: high\nlogsource: {product: aws, service: cloudtrail}\ndetection: " + detection + "\n");
    }

    static List<String> ids(List<RuleMatch> matches) {
        return matches.stream().map(m -> m.rule().id()).toList();
    }
}
