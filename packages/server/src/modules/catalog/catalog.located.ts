import type {
  Dimension,
  Indicator,
  LeadUnit,
  OrgUnit,
  PolicyArticle,
  PolicyDocument,
  PolicyPart,
  PublishedValue,
  ReferenceRegion,
  SampleValue,
  Stage,
  Target,
  Task,
} from '@scimon/contracts/catalog/index';
import type { Located } from './catalog.problem.ts';

/** Header fields of a framework (code, version, names). */
export interface FrameworkHeader {
  code: string;
  version: number;
  nameZh: string;
  nameEn: string;
}

/** The catalogue's items as parsed, each with its location, before semantic validation. */
export interface LocatedCatalogue {
  policy: Located<PolicyDocument> | null;
  parts: Located<PolicyPart>[];
  articles: Located<PolicyArticle>[];
  leadUnits: Located<LeadUnit>[];
  stages: Located<Stage>[];
  tasks: Located<Task>[];
  orgUnits: Located<OrgUnit>[];
  referenceRegions: Located<ReferenceRegion>[];
  frameworkHeader: Located<FrameworkHeader> | null;
  dimensions: Located<Dimension>[];
  indicators: Located<Indicator>[];
  targets: Located<Target>[];
  sampleValues: Located<SampleValue>[];
  publishedValues: Located<PublishedValue>[];
  /** Codes of items that failed their schema: references to them are not reported again. */
  rejectedCodes: Set<string>;
}
