import Testing
@testable import GenCollectionsTLS
