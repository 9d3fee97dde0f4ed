import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsTestSupport
import Testing

/// The Postman model on a large generated collection: read, every property written back, and written again in
/// either layout, nothing changes.
@Suite struct ModelRoundTripTests {
    /// Both bundled banks' flows, repeated until the collection holds thousands of requests.
    static func largeCollection() throws -> Postman.Collection {
        var flows: [Spec.Flow] = []
        for bank in BundledBank.all {
            let spec = try bank.load()
            for copy in 0..<40 {
                for var flow in spec.flows {
                    flow.key = "\(bank.name)-\(copy)-\(flow.key)"
                    flow.name = Located("\(flow.name.value) \(copy)")
                    flows.append(flow)
                }
            }
        }
        var spec = try BundledBank.all[0].load()
        spec.flows = flows
        return Generator.collection(for: spec, options: .init(includeUnsupported: true))
    }

    static func requests(in items: [Postman.Item]) -> Int {
        items.reduce(0) { $0 + ($1.items.map(requests) ?? ($1.request == nil ? 0 : 1)) }
    }

    @Test func aLargeGeneratedCollectionRoundTrips() throws {
        let collection = try Self.largeCollection()
        #expect(Self.requests(in: collection.items) > 1_000)
        for layout in JSONLayout.allCases {
            let bytes = collection.json.data(layout)
            let read = Postman.Collection(json: try JSONValue(json: bytes))
            #expect(read.isCollection && read.format == .v21)
            let rewritten = PostmanRewrite.rewritten(read)
            #expect(rewritten.json == read.json, "\(layout)")
            #expect(rewritten.json.data(layout) == bytes, "\(layout)")
        }
    }

}
