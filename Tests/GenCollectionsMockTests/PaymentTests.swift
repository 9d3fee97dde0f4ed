import Foundation
import Testing

@testable import GenCollectionsMock

/// Domestic payments: idempotency keys, the consent's lifecycle to Consumed, and ConsentMismatch.
@Suite struct PaymentTests {
    /// Client token → payment consent → approval → PSU token.
    func authorisedConsent(_ bank: BankHarness) throws -> (consent: String, token: String) {
        let consent = try #require(
            bank.createPaymentConsent(bank.clientToken("payments"), key: UUID().uuidString).value("Data.ConsentId"))
        let code = try #require(
            BankHarness.redirectParameter(bank.send("GET", bank.consentURL(consent, scope: "openid payments")), "code"))
        return (consent, try #require(bank.exchange(code).value("access_token")))
    }

    @Test func theIdempotencyKeyIsRequiredAndAReplayGetsTheSameConsent() throws {
        let bank = try BankHarness()
        let token = bank.clientToken("payments")
        let missing = bank.createPaymentConsent(token, key: nil)
        #expect(missing.status == 400)
        #expect(missing.errorCode == "UK.OBIE.Header.Missing")
        #expect(bank.createPaymentConsent(token, key: String(repeating: "k", count: 41)).status == 400)
        let first = bank.createPaymentConsent(token, key: "key-1")
        #expect(first.status == 201)
        #expect(first.value("Data.Status") == "AwaitingAuthorisation")
        let replay = bank.createPaymentConsent(token, key: "key-1")
        #expect(replay.status == 201)
        #expect(replay.value("Data.ConsentId") == first.value("Data.ConsentId"))
        let otherBody = bank.createPaymentConsent(
            token, key: "key-1", initiation: BankHarness.initiation.replacingOccurrences(of: "1.00", with: "2.00"))
        #expect(otherBody.status == 400)
        #expect(bank.createPaymentConsent(token, key: "key-2").value("Data.ConsentId") != first.value("Data.ConsentId"))
    }

    @Test func simultaneousFirstUsesOfAKeyCreateOneConsent() async throws {
        let bank = try BankHarness()
        let token = bank.clientToken("payments")
        let ids = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<20 {
                group.addTask { bank.createPaymentConsent(token, key: "same-key").value("Data.ConsentId") }
            }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(ids.count == 20)
        #expect(Set(ids).count == 1)
        #expect(ids.allSatisfy { $0 != nil })
    }

    @Test func aPaymentConsumesItsConsentAndAReplayIsIdempotent() throws {
        let bank = try BankHarness()
        let (consent, token) = try authorisedConsent(bank)
        let payment = bank.createPayment(token, consent: consent, key: "p-1")
        #expect(payment.status == 201)
        let id = try #require(payment.value("Data.DomesticPaymentId"))
        #expect(bank.createPayment(token, consent: consent, key: "p-1").value("Data.DomesticPaymentId") == id)
        let second = bank.createPayment(token, consent: consent, key: "p-2")
        #expect(second.status == 400)
        #expect(second.errorCode == "UK.OBIE.Resource.InvalidConsentStatus")
        let status = bank.send(
            "GET", "/open-banking/v3.1/pisp/domestic-payment-consents/\(consent)",
            headers: bank.fapi(bank.clientToken("payments")))
        #expect(status.value("Data.Status") == "Consumed")
        let read = bank.send(
            "GET", "/open-banking/v3.1/pisp/domestic-payments/\(id)", headers: bank.fapi(bank.clientToken("payments")))
        #expect(read.status == 200)
        #expect(read.value("Data.Status") == "AcceptedSettlementCompleted")
    }

    @Test func thePaymentMustRepeatTheConsentExactly() throws {
        let bank = try BankHarness()
        let (consent, token) = try authorisedConsent(bank)
        let changed = bank.createPayment(
            token, consent: consent, key: "p-1",
            initiation: BankHarness.initiation.replacingOccurrences(of: "ACME Inc", with: "Someone Else"))
        #expect(changed.errorCode == "UK.OBIE.Resource.ConsentMismatch")
        let reordered =
            #"{"EndToEndIdentification":"E1","InstructionIdentification":"I1","#
            + #""CreditorAccount":{"Name":"ACME Inc","SchemeName":"UK.OBIE.SortCodeAccountNumber","#
            + #""Identification":"08080021325698"},"InstructedAmount":{"Currency":"GBP","Amount":"1.00"}}"#
        #expect(bank.createPayment(token, consent: consent, key: "p-2", initiation: reordered).status == 201)
    }

    @Test func aPaymentNeedsThePSUsTokenForThatConsent() throws {
        let bank = try BankHarness()
        let (consent, _) = try authorisedConsent(bank)
        let clientToken = bank.clientToken("payments")
        #expect(bank.createPayment(clientToken, consent: consent, key: "p-1").status == 403)
        let (_, otherToken) = try authorisedConsent(bank)
        let mismatch = bank.createPayment(otherToken, consent: consent, key: "p-2")
        #expect(mismatch.errorCode == "UK.OBIE.Resource.ConsentMismatch")
    }

    @Test func anInvalidInitiationIsRefused() throws {
        let bank = try BankHarness()
        let token = bank.clientToken("payments")
        let missing = bank.createPaymentConsent(
            token, key: "k", initiation: #"{"InstructionIdentification":"I1"}"#)
        #expect(missing.errorCode == "UK.OBIE.Field.Missing")
        #expect(missing.value("Errors[0].Path") == "Data.Initiation.EndToEndIdentification")
        let amount = bank.createPaymentConsent(
            token, key: "k2", initiation: BankHarness.initiation.replacingOccurrences(of: "1.00", with: "one"))
        #expect(amount.errorCode == "UK.OBIE.Field.Invalid")
    }
}
