import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DigitalProjectKind, DigitalProjectStatus, ProjectPlanType, TerminationCause } from './enums';

// mysql2 returns DECIMAL as a string; DECIMAL(14,2) amounts are exact as doubles to the cent.
const decimalAsNumber = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: 'one year of the investment plan (分年度投资计划, §10)' })
export class YearlyInvestment {
  @Field(() => Int) year: number;
  @Field(() => Float) amount: number;
}

@ObjectType({ description: 'an expert drawn from the pool (§15)' })
export class PanelMember {
  @Field(() => ID) expertId: string;
  @Field() name: string;
  @Field() affiliation: string;
  @Field() field: string;
}

@ObjectType({ description: 'an expert panel drawn at random from the pool (§14-15): the seed and the pool it was drawn from reproduce it' })
export class ExpertPanel {
  @Field(() => Int) seed: number;
  @Field(() => [ID], { description: 'eligible experts in draw order (pool minus the owner department), sorted by id' }) poolIds: string[];
  @Field(() => [PanelMember]) members: PanelMember[];
  @Field() drawnBy: string;
  @Field() drawnAt: string;
}

@ObjectType({ description: 'procurement documents and contract filed with the authority (§18-20, §22)' })
export class ProcurementRecord {
  @Field() procurementDocument: string;
  @Field() contractNo: string;
  @Field() contractor: string;
  @Field(() => Float) contractAmount: number;
  @Field(() => Int, { description: 'O&M years agreed in the contract, at least 3 (§19)' }) omYears: number;
  @Field({ description: 'the supervision (监理) firm (§22)' }) supervisor: string;
  @Field() filedBy: string;
  @Field() filedAt: string;
}

@ObjectType({ description: 'the security level assessment (等保测评) report (§32)' })
export class SecurityAssessment {
  @Field(() => Int, { description: 'protection level (等级保护级别) 1-5' }) level: number;
  @Field() agency: string;
  @Field() reportNo: string;
  @Field() passed: boolean;
  @Field({ description: 'YYYY-MM-DD' }) assessedOn: string;
  @Field() recordedBy: string;
}

@ObjectType({ description: 'a change of the construction content (§24)' })
export class ProjectChange {
  @Field() content: string;
  @Field() reason: string;
  @Field(() => Float, { nullable: true }) newBudget: number | null;
  @Field() requestedBy: string;
  @Field() requestedAt: string;
}

@ObjectType({ description: 'the written statement of a termination (§25)' })
export class ProjectTermination {
  @Field(() => TerminationCause) cause: TerminationCause;
  @Field() statement: string;
  @Field() terminatedBy: string;
  @Field() terminatedAt: string;
}

@ObjectType({ description: 'post-evaluation (运行后评价, §33): each dimension scored 0-100' })
export class ProjectEvaluation {
  @Field(() => Float) construction: number;
  @Field(() => Float) use: number;
  @Field(() => Float) effect: number;
  @Field(() => Float) security: number;
  @Field(() => Float, { description: 'the mean of the four' }) total: number;
  @Field() evaluatedBy: string;
  @Field() evaluatedAt: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A government digital project (政务数字化项目, 001 临湘项目办法)' })
@Entity('digital_project')
@Index(['ownerDepartmentId', 'year'])
@Index(['regionCode', 'year'])
export class DigitalProject {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, { nullable: true, description: 'project summary (项目概要)' }) @Column({ type: 'text', nullable: true }) description: string | null;
  @Field() @Column({ type: 'varchar', length: 40, name: 'owner_department_id' }) ownerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => Int, { description: 'the plan year the project is declared for' }) @Column({ type: 'int', name: 'plan_year' }) year: number;
  @Field(() => Float, { description: 'budget estimate in CNY (yuan), at most two decimals; stored as DECIMAL(14,2)' })
  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: decimalAsNumber }) budget: number;
  @Field(() => DigitalProjectKind) @Column({ type: 'varchar', length: 16 }) kind: DigitalProjectKind;
  @Field(() => DigitalProjectStatus) @Column({ type: 'varchar', length: 32 }) status: DigitalProjectStatus;
  @Field(() => ProjectPlanType, { nullable: true, description: 'set on submission: annual (by 30 October) or supplementary' })
  @Column({ type: 'varchar', length: 16, nullable: true, name: 'plan_type' }) planType: ProjectPlanType | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true, name: 'funding_source' }) fundingSource: string | null;
  @Field(() => String, { nullable: true, description: 'basis documents (依据资料)' }) @Column({ type: 'text', nullable: true }) basis: string | null;
  @Field(() => String, { nullable: true, description: 'why a self-built project cannot be unified (§10)' })
  @Column({ type: 'text', nullable: true, name: 'self_built_reason' }) selfBuiltReason: string | null;
  @Field(() => String, { nullable: true, description: 'why a supplementary project is urgent (§11)' })
  @Column({ type: 'text', nullable: true, name: 'urgent_reason' }) urgentReason: string | null;
  @Field(() => [YearlyInvestment]) @Column({ type: 'simple-json', name: 'yearly_investment' }) yearlyInvestment: YearlyInvestment[];
  @Field(() => [String], { description: 'departments taking part in a unified project' })
  @Column({ type: 'simple-json', name: 'participating_departments' }) participatingDepartmentIds: string[];
  @Field(() => String, { nullable: true, description: 'construction plan (建设方案, §13)' })
  @Column({ type: 'text', nullable: true, name: 'construction_plan' }) constructionPlan: string | null;
  @Field(() => [ID], { description: "the project's resource catalog: catalog entries compiled before approval (004 §35)" })
  @Column({ type: 'simple-json', name: 'resource_ids' }) resourceIds: string[];
  @Field(() => String, { nullable: true, description: 'the sharing and open interfaces the system provides (临湘资源办法 §11)' })
  @Column({ type: 'text', nullable: true, name: 'sharing_interfaces' }) sharingInterfaces: string | null;
  @Field(() => Date, { nullable: true, description: 'when the current step must be decided' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'stage_deadline' }) stageDeadline: Date | null;
  @Field({ description: 'false when the deadline was counted with the fallback calendar (the State Council has not published that year)' })
  @Column({ type: 'boolean', name: 'deadline_official', default: true }) deadlineOfficial: boolean;
  @Field({ description: 'the current step ran past its working-day limit (escalated to the authority)' })
  @Column({ type: 'boolean', name: 'stage_overdue', default: false }) stageOverdue: boolean;
  @Field(() => [String], { description: 'steps that ran past their limit, and O&M years whose report was late (OM_REPORT_<n>)' })
  @Column({ type: 'simple-json', name: 'overdue_steps' }) overdueSteps: string[];
  @Field(() => ExpertPanel, { nullable: true }) @Column({ type: 'simple-json', nullable: true, name: 'expert_panel' }) expertPanel: ExpertPanel | null;
  @Field(() => Float, { nullable: true, description: 'budget approved by finance (§17)' })
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, name: 'approved_budget', transformer: decimalAsNumber }) approvedBudget: number | null;
  @Field(() => ProcurementRecord, { nullable: true }) @Column({ type: 'simple-json', nullable: true }) procurement: ProcurementRecord | null;
  @Field(() => SecurityAssessment, { nullable: true }) @Column({ type: 'simple-json', nullable: true, name: 'security_assessment' }) securityAssessment: SecurityAssessment | null;
  @Field(() => ProjectChange, { nullable: true, description: 'a change waiting for approval' })
  @Column({ type: 'simple-json', nullable: true, name: 'pending_change' }) pendingChange: ProjectChange | null;
  @Field(() => ProjectTermination, { nullable: true }) @Column({ type: 'simple-json', nullable: true }) termination: ProjectTermination | null;
  @Field(() => Int, { description: 'failed acceptances so far (the second one withholds the remaining payment, §27)' })
  @Column({ type: 'int', name: 'failed_acceptances', default: 0 }) failedAcceptances: number;
  @Field({ description: 'final acceptance signed by the authority (>= 2M, §26)' }) @Column({ type: 'boolean', name: 'final_by_authority', default: false }) finalByAuthority: boolean;
  @Field({ description: 'final acceptance signed by finance (>= 2M, §26)' }) @Column({ type: 'boolean', name: 'final_by_finance', default: false }) finalByFinance: boolean;
  @Field({ description: 'finance withholds the remaining payment (§27)' }) @Column({ type: 'boolean', name: 'payment_withheld', default: false }) paymentWithheld: boolean;
  @Field(() => String, { nullable: true, description: 'archive filed with the authority (§28)' }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'archive_no' }) archiveNo: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'accepted_at' }) acceptedAt: Date | null;
  @Field(() => ProjectEvaluation, { nullable: true }) @Column({ type: 'simple-json', nullable: true }) evaluation: ProjectEvaluation | null;
  @Field(() => String, { nullable: true, description: 'why the project was refused (a failed assessment gate names its indicator)' })
  @Column({ type: 'text', nullable: true, name: 'refusal_reason' }) refusalReason: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'submitted_at' }) submittedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'submitted_by' }) submittedBy: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
