// Approval (审核) rules as data, and the pure check of an order against them.

export const ruleKinds = ['total_over', 'discount_over', 'below_cost', 'over_credit', 'new_customer', 'overdue'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export type ApprovalRule = { id: string; name: string; kind: RuleKind; threshold: number; approverRole: string };

/** The facts about one order the rules look at (all money in fen). */
export type OrderFacts = {
  total: number;
  /** Largest discount on the order, basis points: a line's own, or the order discount as a share of the amount. */
  maxDiscountBp: number;
  /** Lines whose price per base unit (after discounts, without tax) is below cost. */
  belowCostLines: number[];
  /** The customer's credit limit (0 = none) and what their open orders already hold (not yet invoiced). */
  creditLimit: number;
  openOrdersTotal: number;
  /** What the customer owes now (open invoices net of credits and unapplied payments); 0 when unknown. */
  receivable?: number;
  /** Owed invoices past their due date, and the most days one of them is late. */
  overdueAmount?: number;
  daysOverdue?: number;
  /** Whether the customer has any earlier confirmed order. */
  hasHistory: boolean;
};

export type Triggered = { ruleId: string; name: string; kind: RuleKind; approverRole: string; zh: string; en: string };

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Every rule the order trips, with the reason in both languages. */
export function checkApproval(rules: ApprovalRule[], f: OrderFacts): Triggered[] {
  const out: Triggered[] = [];
  for (const r of rules) {
    const hit = (zh: string, en: string) => out.push({ ruleId: r.id, name: r.name, kind: r.kind, approverRole: r.approverRole, zh, en });
    switch (r.kind) {
      case 'total_over':
        if (f.total > r.threshold) hit(`订单金额 ¥${yuan(f.total)} 超过 ¥${yuan(r.threshold)}`, `Order total ¥${yuan(f.total)} is over ¥${yuan(r.threshold)}`);
        break;
      case 'discount_over':
        if (f.maxDiscountBp > r.threshold) hit(`折扣 ${f.maxDiscountBp / 100}% 超过 ${r.threshold / 100}%`, `Discount ${f.maxDiscountBp / 100}% is over ${r.threshold / 100}%`);
        break;
      case 'below_cost':
        if (f.belowCostLines.length) hit(`第 ${f.belowCostLines.join('、')} 行售价低于成本`, `Line ${f.belowCostLines.join(', ')} priced below cost`);
        break;
      case 'over_credit': {
        const used = (f.receivable ?? 0) + f.openOrdersTotal + f.total;
        if (f.creditLimit > 0 && used > f.creditLimit) {
          if (f.receivable) {
            hit(`应收余额 ¥${yuan(f.receivable)} 加未完成订单 ¥${yuan(f.openOrdersTotal + f.total)} 超过信用额度 ¥${yuan(f.creditLimit)}`, `Receivable ¥${yuan(f.receivable)} plus open orders ¥${yuan(f.openOrdersTotal + f.total)} exceed the credit limit ¥${yuan(f.creditLimit)}`);
          } else {
            hit(`未完成订单 ¥${yuan(f.openOrdersTotal + f.total)} 超过信用额度 ¥${yuan(f.creditLimit)}`, `Open orders ¥${yuan(f.openOrdersTotal + f.total)} exceed the credit limit ¥${yuan(f.creditLimit)}`);
          }
        }
        break;
      }
      case 'overdue':
        // threshold: days of grace; 0 = any overdue invoice holds the order.
        if ((f.overdueAmount ?? 0) > 0 && (f.daysOverdue ?? 0) > r.threshold) {
          hit(`客户有逾期应收 ¥${yuan(f.overdueAmount!)}（最长逾期 ${f.daysOverdue} 天）`, `The customer has ¥${yuan(f.overdueAmount!)} overdue (up to ${f.daysOverdue} days)`);
        }
        break;
      case 'new_customer':
        if (!f.hasHistory) hit('新客户首单', 'First order of a new customer');
        break;
    }
  }
  return out;
}

/** Whether a role may approve for the rules an order tripped (admins always may). */
export function mayApprove(role: string, approvalRole: string | null): boolean {
  return role === 'admin' || role === approvalRole;
}
