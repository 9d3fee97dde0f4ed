import GenCollectionsBase
import GenCollectionsCore

/// JUnit XML: one test suite per linted file, one test case per finding. Findings at or above `--fail-on` are
/// failures; the others are passing test cases whose text is in `<system-out>`, so a warning does not fail a CI
/// job that only fails on errors. A clean file gets one passing test case.
public enum JUnitReporter: Reporter {
    public static let identifier = "junit"

    public static func report(_ result: LintResult, options: ReportOptions) -> String {
        var byFile: [String: [Diagnostic]] = [:]
        var files = result.files
        var known = Set(files)
        for diagnostic in result.diagnostics {
            let file = diagnostic.location?.file ?? "gen-collections"
            if known.insert(file).inserted { files.append(file) }
            byFile[file, default: []].append(diagnostic)
        }
        func failures(_ diagnostics: [Diagnostic]) -> Int { diagnostics.filter { $0.severity >= options.failOn }.count }
        let total = files.reduce(0) { $0 + max(1, byFile[$1]?.count ?? 0) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            "<testsuites name=\"\(escape(options.command))\" tests=\"\(total)\" failures=\"\(failures(result.diagnostics))\">\n"
        for file in files {
            let diagnostics = byFile[file] ?? []
            xml +=
                "  <testsuite name=\"\(escape(file))\" tests=\"\(max(1, diagnostics.count))\" failures=\"\(failures(diagnostics))\">\n"
            if diagnostics.isEmpty {
                xml += "    <testcase classname=\"\(escape(file))\" name=\"lint\"/>\n"
            }
            for diagnostic in diagnostics {
                let place = diagnostic.location?.line.map { " at \($0):\(diagnostic.location?.column ?? 1)" } ?? ""
                xml += "    <testcase classname=\"\(escape(file))\" name=\"\(escape(diagnostic.id))\(place)\">\n"
                if diagnostic.severity >= options.failOn {
                    xml +=
                        "      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(escape(diagnostic.message))\">"
                    xml += escape(diagnostic.description) + "</failure>\n"
                } else {
                    xml += "      <system-out>" + escape(diagnostic.description) + "</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// XML 1.0 escaping for attribute values and text. Characters XML 1.0 cannot carry at all (C0 controls other
    /// than tab, newline and carriage return; U+FFFE, U+FFFF), not even as character references, are written as
    /// a visible `\u{…}` instead, so the document stays well-formed whatever a message holds.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
