import GenCollectionsBase
import GenCollectionsCore

/// JUnit XML: one test suite per linted file, one failing test case per finding, one passing case for a clean file.
public enum JUnitReporter: Reporter {
    public static let identifier = "junit"

    public static func report(_ result: LintResult) -> String {
        var byFile: [String: [Diagnostic]] = [:]
        var files = result.files
        for diagnostic in result.diagnostics {
            let file = diagnostic.location?.file ?? "gen-collections"
            if !files.contains(file) { files.append(file) }
            byFile[file, default: []].append(diagnostic)
        }
        let total = files.reduce(0) { $0 + max(1, byFile[$1]?.count ?? 0) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            "<testsuites name=\"gen-collections lint\" tests=\"\(total)\" failures=\"\(result.diagnostics.count)\">\n"
        for file in files {
            let diagnostics = byFile[file] ?? []
            xml +=
                "  <testsuite name=\"\(escape(file))\" tests=\"\(max(1, diagnostics.count))\" failures=\"\(diagnostics.count)\">\n"
            if diagnostics.isEmpty {
                xml += "    <testcase classname=\"\(escape(file))\" name=\"lint\"/>\n"
            }
            for diagnostic in diagnostics {
                let place = diagnostic.location?.line.map { " at \($0):\(diagnostic.location?.column ?? 1)" } ?? ""
                xml += "    <testcase classname=\"\(escape(file))\" name=\"\(escape(diagnostic.id))\(place)\">\n"
                xml +=
                    "      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(escape(diagnostic.message))\">"
                xml += escape(diagnostic.description) + "</failure>\n"
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// XML escaping for attribute values and text.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case _ where scalar.value < 0x20 && scalar != "\t": result += "&#\(scalar.value);"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
